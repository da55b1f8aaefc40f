# label: leakage/none
"""Screening model: insomnia disorder from wrist actigraphy.

Participants wore a wrist actigraph for up to two weeks before their clinic
assessment. Each row of the export is one scored night; the diagnosis comes
from the sleep physician's assessment at the end of the recording period.
"""
import lightgbm as lgb
import numpy as np
import polars as pl
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import GroupShuffleSplit

NIGHT_FEATURES = [
    "sleep_onset_latency_min",
    "waso_min",
    "total_sleep_min",
    "sleep_efficiency",
    "n_awakenings",
    "mean_activity_sleep",
    "fragmentation_index",
    "light_lux_evening",
    "bedtime_hour",
    "risetime_hour",
    "time_in_bed_min",
]
PARTICIPANT_FEATURES = ["age", "sex_female", "bmi", "caffeine_cups_day", "shift_worker"]


def load_nights(nights_path, participants_path):
    nights = pl.read_csv(nights_path, try_parse_dates=True)
    people = pl.read_csv(participants_path)
    nights = (
        nights.filter(pl.col("valid_wear_hours") >= 20)
        .with_columns(
            # bedtimes after midnight are stored as 0-6; put them on a continuous scale
            pl.when(pl.col("bedtime_hour") < 12)
            .then(pl.col("bedtime_hour") + 24)
            .otherwise(pl.col("bedtime_hour"))
            .alias("bedtime_hour"),
            (pl.col("night_date").dt.weekday() >= 6).cast(pl.Int8).alias("weekend"),
        )
        .join(people, on="participant_id", how="inner")
        .with_columns(pl.col("sex").eq("F").cast(pl.Int8).alias("sex_female"))
    )
    return nights.sort(["participant_id", "night_date"])


def main():
    nights = load_nights("actigraphy_nights.csv", "participants.csv")
    cols = NIGHT_FEATURES + PARTICIPANT_FEATURES + ["weekend"]
    print(nights.group_by("insomnia_dx").agg(pl.len(), pl.col("participant_id").n_unique()))

    X = nights.select(cols).to_numpy()
    y = nights["insomnia_dx"].to_numpy()
    groups = nights["participant_id"].to_numpy()

    splitter = GroupShuffleSplit(n_splits=1, test_size=0.25, random_state=3)
    train_idx, test_idx = next(splitter.split(X, y, groups=groups))

    model = lgb.LGBMClassifier(
        n_estimators=600,
        learning_rate=0.03,
        num_leaves=31,
        min_child_samples=30,
        subsample=0.8,
        subsample_freq=1,
        colsample_bytree=0.8,
        reg_lambda=1.0,
        verbose=-1,
    )
    model.fit(X[train_idx], y[train_idx], feature_name=cols)

    night_prob = model.predict_proba(X[test_idx])[:, 1]
    print(f"night-level ROC AUC: {roc_auc_score(y[test_idx], night_prob):.3f}")
    print(f"night-level PR AUC:  {average_precision_score(y[test_idx], night_prob):.3f}")

    # one screening decision per participant: average the nightly scores
    per_person = (
        pl.DataFrame({"pid": groups[test_idx], "y": y[test_idx], "p": night_prob})
        .group_by("pid")
        .agg(pl.col("y").first(), pl.col("p").mean(), pl.len().alias("n_nights"))
    )
    print(f"participants scored: {per_person.height}")
    print(f"participant-level ROC AUC: {roc_auc_score(per_person['y'], per_person['p']):.3f}")

    gain = model.booster_.feature_importance(importance_type="gain")
    ranked = sorted(zip(cols, gain), key=lambda t: -t[1])
    for name, g in ranked[:8]:
        print(f"  {name:26s} {g:10.1f}")


if __name__ == "__main__":
    main()
