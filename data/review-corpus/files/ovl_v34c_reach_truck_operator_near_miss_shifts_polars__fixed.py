# label: leakage/none
"""Near-miss risk per reach-truck shift at the regional distribution centres.

The safety team wants a shift-level risk score that can be used at the other
depots when rosters are drawn up, so the model sees the operator profile from
HR plus the planned workload of the shift.
"""
import polars as pl
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score
from sklearn.model_selection import GroupShuffleSplit

SHIFTS_PATH = "wms/reach_truck_shifts.parquet"
OPERATORS_PATH = "hr/operator_profiles.csv"

FEATURES = [
    "planned_hours",
    "planned_pallet_moves",
    "high_bay_share",
    "aisle_congestion_idx",
    "night_shift",
    "overtime_shift",
    "consecutive_shifts",
    "years_licensed",
    "age",
    "refresher_days_ago",
    "assessment_score",
    "left_handed",
]


def load_shifts() -> pl.DataFrame:
    shifts = pl.read_parquet(SHIFTS_PATH)
    operators = pl.read_csv(OPERATORS_PATH, try_parse_dates=True)

    df = shifts.join(operators, on="operator_id", how="inner").with_columns(
        (pl.col("planned_high_bay_moves") / pl.col("planned_pallet_moves").clip(lower_bound=1))
        .alias("high_bay_share"),
        (pl.col("shift_start").dt.hour() >= 21).cast(pl.Int8).alias("night_shift"),
        pl.col("overtime_shift").cast(pl.Int8),
        pl.col("left_handed").cast(pl.Int8),
        ((pl.col("shift_start").dt.date() - pl.col("last_refresher")).dt.total_days())
        .alias("refresher_days_ago"),
        (pl.col("near_miss_reports") > 0).cast(pl.Int8).alias("near_miss"),
    )
    return df.filter(pl.col("planned_hours") > 0).drop_nulls(["assessment_score"])


def main():
    df = load_shifts()
    summary = df.group_by("depot").agg(
        pl.len().alias("shifts"),
        pl.col("operator_id").n_unique().alias("operators"),
        pl.col("near_miss").mean().alias("rate"),
    )
    print(summary.sort("depot"))

    X = df.select(FEATURES).to_numpy()
    y = df["near_miss"].to_numpy()
    groups = df["operator_id"].to_numpy()

    splitter = GroupShuffleSplit(n_splits=1, test_size=0.25, random_state=5)
    train_idx, test_idx = next(splitter.split(X, y, groups=groups))
    X_train, X_test, y_train, y_test = X[train_idx], X[test_idx], y[train_idx], y[test_idx]

    clf = HistGradientBoostingClassifier(
        learning_rate=0.05,
        max_iter=400,
        max_leaf_nodes=31,
        l2_regularization=1.0,
        class_weight="balanced",
        random_state=5,
    )
    clf.fit(X_train, y_train)

    proba = clf.predict_proba(X_test)[:, 1]
    print(f"shifts train/test: {len(y_train)}/{len(y_test)}")
    print(f"ROC-AUC {roc_auc_score(y_test, proba):.3f}")
    print(f"PR-AUC  {average_precision_score(y_test, proba):.3f} (base rate {y_test.mean():.3f})")
    print(f"Brier   {brier_score_loss(y_test, proba):.4f}")


if __name__ == "__main__":
    main()
