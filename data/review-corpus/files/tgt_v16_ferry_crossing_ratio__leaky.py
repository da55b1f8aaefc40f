# label: leakage/target
# twin: tgt_v16_ferry_crossing_ratio__fixed.py
# source: hand-written for ai-ci held-out v16 (Apache-2.0)
import polars as pl
from sklearn.metrics import roc_auc_score, recall_score
from xgboost import XGBClassifier

SOURCE = "data/ferry_crossings.parquet"
CUTOFF = "2024-01-01"
LABEL = "arrived_late"


def build_frame(path):
    return (
        pl.read_parquet(path)
        .filter(pl.col("cancelled") == False)  # noqa: E712
        .with_columns(
            pl.col("departure_scheduled").dt.hour().alias("dep_hour"),
            pl.col("departure_scheduled").dt.weekday().alias("dep_weekday"),
            (pl.col("vehicles_booked") / pl.col("vehicle_capacity")).alias("deck_fill"),
            (pl.col("actual_crossing_min") / pl.col("scheduled_crossing_min")).alias("crossing_ratio"),
            (pl.col("arrival_actual") > pl.col("arrival_scheduled") + pl.duration(minutes=5))
            .cast(pl.Int8)
            .alias(LABEL),
        )
        .sort("departure_scheduled")
    )


FEATURES = ["dep_hour", "dep_weekday", "deck_fill", "wind_kts", "gust_kts", "wave_height_m",
            "tide_height_m", "visibility_km", "crossing_ratio"]


def split(frame, cutoff):
    cut = pl.lit(cutoff).str.to_datetime()
    train = frame.filter(pl.col("departure_scheduled") < cut)
    test = frame.filter(pl.col("departure_scheduled") >= cut)
    return train, test


def main():
    frame = build_frame(SOURCE)
    train, test = split(frame, CUTOFF)
    print(f"train {train.height} crossings, test {test.height}")

    model = XGBClassifier(n_estimators=500, learning_rate=0.05, max_depth=5,
                          subsample=0.9, colsample_bytree=0.8, eval_metric="logloss")
    model.fit(train.select(FEATURES).to_pandas(), train[LABEL].to_numpy())

    proba = model.predict_proba(test.select(FEATURES).to_pandas())[:, 1]
    y_test = test[LABEL].to_numpy()
    print(f"test AUC: {roc_auc_score(y_test, proba):.4f}")
    print(f"test recall @0.5: {recall_score(y_test, proba >= 0.5):.3f}")
    gain = dict(zip(FEATURES, model.feature_importances_.round(3)))
    print(sorted(gain.items(), key=lambda kv: -kv[1])[:5])


if __name__ == "__main__":
    main()
