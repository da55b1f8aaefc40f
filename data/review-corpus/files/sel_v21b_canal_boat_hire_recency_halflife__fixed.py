# label: leakage/none
"""Weekly nights booked per narrowboat across the hire fleet.

Older seasons are down-weighted with an exponential decay on row age; the half-life
is a tuning knob. Forecasts are issued eight weeks ahead of each hire week; the
2023 season is kept aside as the hold-out.
"""
import numpy as np
import pandas as pd
import lightgbm as lgb
from sklearn.metrics import mean_absolute_error

CONFIG = {
    "path": "data/canal_hire_weeks.parquet",
    "target": "nights_booked",
    "test_from": "2023-01-01",
    "half_lives_weeks": [None, 26, 52, 104, 156],
    "lgb_params": dict(
        n_estimators=600, learning_rate=0.03, num_leaves=31, subsample=0.8,
        subsample_freq=1, colsample_bytree=0.8, random_state=11, verbose=-1,
    ),
}
BOAT_COLS = ["berths", "length_ft", "base_marina", "boat_class", "pet_friendly"]


def load_weeks(path):
    df = pd.read_parquet(path)
    df["week_start"] = pd.to_datetime(df["week_start"])
    df = df.sort_values(["boat_id", "week_start"]).reset_index(drop=True)
    df["base_marina"] = df["base_marina"].astype("category")
    df["boat_class"] = df["boat_class"].astype("category")
    return df


def add_features(df):
    out = df.copy()
    out["week_of_year"] = out["week_start"].dt.isocalendar().week.astype(int)
    out["month"] = out["week_start"].dt.month
    last_year = out[["boat_id", "week_start", CONFIG["target"]]].copy()
    last_year["week_start"] = last_year["week_start"] + pd.Timedelta(days=364)
    last_year = last_year.rename(columns={CONFIG["target"]: "nights_same_week_ly"})
    out = out.merge(last_year, on=["boat_id", "week_start"], how="left")
    fleet_ly = out.groupby("week_start")["nights_same_week_ly"].transform("mean")
    out["fleet_nights_ly"] = fleet_ly
    return out


def recency_weights(dates, half_life):
    if half_life is None:
        return np.ones(len(dates))
    age_weeks = (dates.max() - dates).dt.days / 7.0
    return np.power(0.5, age_weeks / half_life).to_numpy()


def fit_weighted(frame, features, half_life):
    model = lgb.LGBMRegressor(**CONFIG["lgb_params"])
    weights = recency_weights(frame["week_start"], half_life)
    model.fit(frame[features], frame[CONFIG["target"]], sample_weight=weights)
    return model


def main():
    weeks = add_features(load_weeks(CONFIG["path"]))
    features = BOAT_COLS + [
        "week_of_year", "month", "school_holiday", "bank_holiday",
        "nights_same_week_ly", "fleet_nights_ly", "enquiries_8w_before",
    ]
    weeks["pet_friendly"] = weeks["pet_friendly"].astype(int)

    cutoff = pd.Timestamp(CONFIG["test_from"])
    train = weeks[weeks["week_start"] < cutoff]
    test = weeks[weeks["week_start"] >= cutoff]
    print(f"train rows {len(train)}, test rows {len(test)}, boats {weeks['boat_id'].nunique()}")

    val_cut = cutoff - pd.DateOffset(years=1)
    inner = train[train["week_start"] < val_cut]
    val = train[train["week_start"] >= val_cut]
    rows = []
    for hl in CONFIG["half_lives_weeks"]:
        model = fit_weighted(inner, features, hl)
        mae = mean_absolute_error(val[CONFIG["target"]], model.predict(val[features]))
        rows.append({"half_life": hl, "mae": mae})
        print(f"half-life {str(hl):>5s} weeks -> MAE {mae:.3f}")

    best = min(rows, key=lambda r: r["mae"])
    final_model = fit_weighted(train, features, best["half_life"])
    test_mae = mean_absolute_error(test[CONFIG["target"]], final_model.predict(test[features]))
    print(f"\nselected half-life: {best['half_life']}")
    print(f"2023 season MAE (nights/boat/week): {test_mae:.3f}")

    test = test.assign(pred=final_model.predict(test[features]))
    per_marina = test.groupby("base_marina", observed=True).apply(
        lambda g: mean_absolute_error(g[CONFIG["target"]], g["pred"])
    )
    print(per_marina.sort_values().round(3))
    imp = pd.Series(final_model.feature_importances_, index=features).sort_values(ascending=False)
    print(imp.head(8))


if __name__ == "__main__":
    main()
