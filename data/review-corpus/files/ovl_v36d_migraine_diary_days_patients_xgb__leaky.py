# label: leakage/overlap
"""Next-day migraine attack model from the headache-clinic diary app.

Each row is one diary day for one patient. The label is whether the patient
logs an attack on the following day.
"""
import pandas as pd
import xgboost as xgb
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score
from sklearn.model_selection import train_test_split

DIARY = "exports/diary_days.parquet"
PATIENTS = "exports/patients.csv"

DAILY = [
    "sleep_hours", "sleep_quality", "caffeine_mg", "alcohol_units", "screen_hours",
    "steps", "stress_score", "water_litres", "skipped_meal", "pressure_change_hpa",
    "cycle_day", "took_acute_med",
]
STATIC = ["age", "sex_female", "years_since_onset", "chronic", "preventive_med", "aura"]


def load():
    diary = pd.read_parquet(DIARY).sort_values(["patient_id", "date"])
    patients = pd.read_csv(PATIENTS)
    return diary.merge(patients[["patient_id"] + STATIC], on="patient_id", how="left")


def add_history(df):
    g = df.groupby("patient_id", sort=False)
    df["attack_next_day"] = g["attack"].shift(-1)
    for col in ["sleep_hours", "stress_score", "caffeine_mg"]:
        df[f"{col}_3d"] = g[col].transform(lambda s: s.rolling(3, min_periods=1).mean())
        df[f"{col}_delta"] = df[col] - g[col].shift(1)
    df["attacks_last_7d"] = g["attack"].transform(lambda s: s.rolling(7, min_periods=1).sum())
    df["days_since_attack"] = g["attack"].transform(
        lambda s: s.groupby(s.cumsum()).cumcount()
    )
    return df.dropna(subset=["attack_next_day"])


def main():
    df = add_history(load())
    features = (
        DAILY + STATIC
        + [c for c in df.columns if c.endswith(("_3d", "_delta"))]
        + ["attacks_last_7d", "days_since_attack"]
    )
    X = df[features]
    y = df["attack_next_day"].astype(int)
    print(f"{df['patient_id'].nunique()} patients, {len(df)} diary days, "
          f"attack rate {y.mean():.3f}")

    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=0.2, stratify=y, random_state=21
    )

    clf = xgb.XGBClassifier(
        n_estimators=500,
        learning_rate=0.05,
        max_depth=5,
        subsample=0.8,
        colsample_bytree=0.8,
        min_child_weight=5,
        scale_pos_weight=(y_train == 0).sum() / (y_train == 1).sum(),
        eval_metric="logloss",
        tree_method="hist",
        random_state=21,
    )
    clf.fit(X_train, y_train)

    proba = clf.predict_proba(X_test)[:, 1]
    print(f"ROC AUC   {roc_auc_score(y_test, proba):.3f}")
    print(f"PR AUC    {average_precision_score(y_test, proba):.3f}")
    print(f"Brier     {brier_score_loss(y_test, proba):.4f}")

    gain = pd.Series(clf.get_booster().get_score(importance_type="gain"))
    print(gain.sort_values(ascending=False).head(10).round(2))


if __name__ == "__main__":
    main()
