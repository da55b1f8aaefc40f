# label: leakage/none
"""Free-flow risk at annual service for the rental regulator pool.

Rows come from the workshop service log: one row per regulator per service
visit. Target: the set is found free-flowing on the bench at this visit.
Bench readings (intermediate pressure, cracking effort) are the ones logged
at the previous visit.
"""
import lightgbm as lgb
import numpy as np
import polars as pl
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import GroupShuffleSplit

SERVICE_LOG = "data/regulator_service_log.parquet"
DIVE_LOG = "data/rental_dive_log.parquet"

FEATURES = [
    "dives_since_service",
    "cold_dives_share",
    "mean_depth_m",
    "max_depth_m",
    "sand_entry_share",
    "months_since_service",
    "regulator_age_years",
    "prev_ip_drift_bar",
    "prev_cracking_effort_mbar",
    "is_env_sealed",
    "model_code",
    "prior_freeflows",
]


def build_table():
    service = pl.read_parquet(SERVICE_LOG).sort(["serial_no", "service_date"])
    dives = pl.read_parquet(DIVE_LOG)

    service = service.with_columns(
        pl.col("service_date").shift(1).over("serial_no").alias("prev_service_date"),
        pl.col("freeflow").cast(pl.Int32).cum_sum().shift(1).over("serial_no").fill_null(0).alias("prior_freeflows"),
        ((pl.col("service_date") - pl.col("purchase_date")).dt.total_days() / 365.25).alias("regulator_age_years"),
        (pl.col("ip_bar") - pl.col("ip_spec_bar")).shift(1).over("serial_no").alias("prev_ip_drift_bar"),
        pl.col("cracking_effort_mbar").shift(1).over("serial_no").alias("prev_cracking_effort_mbar"),
        pl.col("model").cast(pl.Categorical).to_physical().alias("model_code"),
        pl.col("env_sealed").cast(pl.Int8).alias("is_env_sealed"),
    ).drop_nulls("prev_service_date")

    usage = (
        service.select("serial_no", "service_date", "prev_service_date")
        .join(dives, on="serial_no")
        .filter(
            (pl.col("dive_date") > pl.col("prev_service_date"))
            & (pl.col("dive_date") <= pl.col("service_date"))
        )
        .group_by("serial_no", "service_date")
        .agg(
            pl.len().alias("dives_since_service"),
            (pl.col("water_temp_c") < 10).mean().alias("cold_dives_share"),
            pl.col("max_depth_m").mean().alias("mean_depth_m"),
            pl.col("max_depth_m").max().alias("max_depth_m"),
            (pl.col("entry_type") == "shore_sand").mean().alias("sand_entry_share"),
        )
    )

    table = service.join(usage, on=["serial_no", "service_date"], how="left").with_columns(
        pl.col("dives_since_service").fill_null(0),
        ((pl.col("service_date") - pl.col("prev_service_date")).dt.total_days() / 30.4).alias("months_since_service"),
    )
    return table.drop_nulls(FEATURES[:3] + ["freeflow"])


def main():
    table = build_table()
    X = table.select(FEATURES).to_numpy()
    y = table.get_column("freeflow").cast(pl.Int8).to_numpy()
    print(f"{table.height} service visits, {table['serial_no'].n_unique()} regulators, "
          f"free-flow rate {y.mean():.2%}")

    groups = table.get_column("serial_no").to_numpy()
    splitter = GroupShuffleSplit(n_splits=1, test_size=0.25, random_state=3)
    train_idx, test_idx = next(splitter.split(X, y, groups))
    X_train, X_test, y_train, y_test = X[train_idx], X[test_idx], y[train_idx], y[test_idx]

    clf = lgb.LGBMClassifier(
        n_estimators=400,
        learning_rate=0.03,
        num_leaves=15,
        min_child_samples=20,
        subsample=0.8,
        subsample_freq=1,
        colsample_bytree=0.8,
        class_weight="balanced",
        random_state=3,
        verbose=-1,
    )
    clf.fit(X_train, y_train, feature_name=FEATURES)

    proba = clf.predict_proba(X_test)[:, 1]
    print(f"ROC AUC {roc_auc_score(y_test, proba):.3f}   PR AUC {average_precision_score(y_test, proba):.3f}")

    # pull the top decile forward for an early bench check
    cut = np.quantile(proba, 0.9)
    flagged = proba >= cut
    print(f"top decile catches {y_test[flagged].sum()} of {y_test.sum()} free-flows")

    imp = sorted(zip(FEATURES, clf.booster_.feature_importance("gain")), key=lambda t: -t[1])
    for name, gain in imp:
        print(f"{name:26s} {gain:10.1f}")


if __name__ == "__main__":
    main()
