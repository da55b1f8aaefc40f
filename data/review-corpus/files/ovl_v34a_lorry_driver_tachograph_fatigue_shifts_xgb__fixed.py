# label: leakage/none
"""Fatigue-event risk per driving shift for a regional haulage fleet.

Shift records come from the tachograph download joined to the in-cab camera
system; a shift is labelled 1 when the camera logged at least one
microsleep / eyes-closed event.
"""
import pandas as pd
import xgboost as xgb
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score
from sklearn.model_selection import GroupShuffleSplit

SHIFTS_CSV = "exports/tacho_shifts_2022_2024.csv"
DRIVERS_CSV = "exports/driver_register.csv"

FEATURES = [
    "shift_start_hour",
    "planned_drive_min",
    "night_drive_min",
    "break_min_first_4h",
    "drive_min_prev_7d",
    "rest_hours_before_shift",
    "consecutive_shift_no",
    "motorway_share",
    "urban_drops",
    "cab_temp_mean_c",
    "driver_age",
    "years_licensed",
    "baseline_pvt_ms",
    "on_nights_rota",
]


def load_shifts() -> pd.DataFrame:
    shifts = pd.read_csv(SHIFTS_CSV, parse_dates=["shift_start"])
    drivers = pd.read_csv(DRIVERS_CSV)
    df = shifts.merge(drivers, on="driver_id", how="left", validate="many_to_one")
    df["shift_start_hour"] = df["shift_start"].dt.hour
    df["on_nights_rota"] = (df["rota_pattern"] == "nights").astype(int)
    df["driver_age"] = (df["shift_start"].dt.year - df["birth_year"]).astype(int)
    return df.dropna(subset=["fatigue_event"])


def split(df: pd.DataFrame):
    gss = GroupShuffleSplit(n_splits=1, test_size=0.25, random_state=42)
    train_idx, test_idx = next(gss.split(df, groups=df["driver_id"]))
    return df.iloc[train_idx], df.iloc[test_idx]


def fit_model(train: pd.DataFrame) -> xgb.XGBClassifier:
    pos_rate = train["fatigue_event"].mean()
    model = xgb.XGBClassifier(
        n_estimators=600,
        learning_rate=0.05,
        max_depth=5,
        subsample=0.8,
        colsample_bytree=0.8,
        min_child_weight=5,
        scale_pos_weight=(1 - pos_rate) / pos_rate,
        tree_method="hist",
        eval_metric="aucpr",
        n_jobs=-1,
    )
    model.fit(train[FEATURES], train["fatigue_event"])
    return model


def report(model: xgb.XGBClassifier, test: pd.DataFrame) -> None:
    proba = model.predict_proba(test[FEATURES])[:, 1]
    y = test["fatigue_event"]
    print(f"test shifts: {len(test):,}  drivers: {test['driver_id'].nunique()}")
    print(f"ROC AUC : {roc_auc_score(y, proba):.3f}")
    print(f"PR AUC  : {average_precision_score(y, proba):.3f}")
    print(f"Brier   : {brier_score_loss(y, proba):.4f}")

    test = test.assign(risk=proba)
    test["risk_decile"] = pd.qcut(test["risk"].rank(method="first"), 10, labels=False) + 1
    lift = test.groupby("risk_decile")["fatigue_event"].agg(["mean", "sum", "size"])
    print(lift.sort_index(ascending=False).to_string())

    imp = pd.Series(model.feature_importances_, index=FEATURES).sort_values(ascending=False)
    print(imp.head(10).round(3).to_string())


def main() -> None:
    df = load_shifts()
    print(f"{len(df):,} shifts from {df['driver_id'].nunique()} drivers")
    train, test = split(df)
    model = fit_model(train)
    report(model, test)


if __name__ == "__main__":
    main()
