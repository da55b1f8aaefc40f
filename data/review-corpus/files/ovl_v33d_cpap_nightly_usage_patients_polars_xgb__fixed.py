# label: leakage/none
"""Sleep service: flag CPAP nights likely to fall under the 4-hour usage mark.

Input is the nightly modem download (one row per patient-night). Features are
built from the device readings of the preceding nights and the patient's
setup details; the label is whether the coming night is under 4 hours.
"""
import numpy as np
import polars as pl
import xgboost as xgb
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import GroupShuffleSplit

NIGHTS = "data/cpap_nightly_download.parquet"
PATIENTS = "data/cpap_patient_setup.csv"

FEATURES = [
    "usage_prev_h",
    "usage_mean_7n",
    "usage_std_7n",
    "short_nights_7n",
    "ahi_prev",
    "ahi_mean_7n",
    "pressure_p95_mean_7n",
    "mask_off_events_7n",
    "nights_since_setup",
    "is_weekend",
    "age",
    "bmi",
    "baseline_ahi",
    "epworth_score",
    "mask_full_face",
    "humidifier_on",
]


def build_frame():
    nights = pl.read_parquet(NIGHTS).sort(["patient_id", "night_date"])
    patients = pl.read_csv(PATIENTS, try_parse_dates=True)

    prior = pl.col("usage_h").shift(1)
    df = (
        nights.with_columns(
            usage_prev_h=prior.over("patient_id"),
            usage_mean_7n=prior.rolling_mean(7).over("patient_id"),
            usage_std_7n=prior.rolling_std(7).over("patient_id"),
            short_nights_7n=(prior < 4).cast(pl.Int32).rolling_sum(7).over("patient_id"),
            ahi_prev=pl.col("ahi").shift(1).over("patient_id"),
            ahi_mean_7n=pl.col("ahi").shift(1).rolling_mean(7).over("patient_id"),
            pressure_p95_mean_7n=pl.col("pressure_p95_cmh2o").shift(1).rolling_mean(7).over("patient_id"),
            mask_off_events_7n=pl.col("mask_off_events").shift(1).rolling_sum(7).over("patient_id"),
            is_weekend=(pl.col("night_date").dt.weekday() >= 6).cast(pl.Int8),
            under_4h=(pl.col("usage_h") < 4).cast(pl.Int8),
        )
        .join(patients, on="patient_id", how="inner")
        .with_columns(
            nights_since_setup=(pl.col("night_date") - pl.col("setup_date")).dt.total_days(),
            mask_full_face=(pl.col("mask_type") == "full_face").cast(pl.Int8),
            humidifier_on=(pl.col("humidifier_level") > 0).cast(pl.Int8),
        )
        .filter(pl.col("nights_since_setup") >= 7)
        .drop_nulls(["usage_mean_7n", "ahi_mean_7n"])
    )
    return df


def main():
    df = build_frame()
    print(df.select(pl.len(), pl.col("patient_id").n_unique(), pl.col("under_4h").mean()))

    X = df.select(FEATURES).to_numpy()
    y = df["under_4h"].to_numpy()

    groups = df["patient_id"].to_numpy()
    splitter = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=3)
    train_idx, test_idx = next(splitter.split(X, y, groups))
    X_train, X_test, y_train, y_test = X[train_idx], X[test_idx], y[train_idx], y[test_idx]

    clf = xgb.XGBClassifier(
        n_estimators=600,
        max_depth=5,
        learning_rate=0.05,
        subsample=0.8,
        colsample_bytree=0.8,
        min_child_weight=5,
        eval_metric="aucpr",
        n_jobs=8,
        random_state=3,
    )
    clf.fit(X_train, y_train)

    proba = clf.predict_proba(X_test)[:, 1]
    print(f"test nights: {len(y_test)}  under-4h rate: {y_test.mean():.3f}")
    print(f"ROC AUC: {roc_auc_score(y_test, proba):.3f}")
    print(f"PR AUC:  {average_precision_score(y_test, proba):.3f}")

    flagged = proba >= 0.5
    print(f"flagged {flagged.mean():.1%} of nights, precision {y_test[flagged].mean():.3f}")

    gain = clf.get_booster().get_score(importance_type="gain")
    named = {FEATURES[int(k[1:])]: v for k, v in gain.items()}
    for name, val in sorted(named.items(), key=lambda kv: -kv[1])[:8]:
        print(f"  {name:<24s}{val:8.2f}")


if __name__ == "__main__":
    main()
