# label: leakage/none
"""Daily twistlock fault flagging for quay-crane spreaders.

Each row is one spreader-day: lock/unlock statistics from the PLC cycle log of
the previous operating day plus greasing status at the start of shift,
labelled with whether maintenance logged a twistlock fault on the day itself.
"""
import numpy as np
import pandas as pd
from imblearn.pipeline import Pipeline
from imblearn.under_sampling import RandomUnderSampler
from lightgbm import LGBMClassifier
from sklearn.compose import ColumnTransformer
from sklearn.metrics import average_precision_score, f1_score, precision_score, recall_score
from sklearn.preprocessing import OneHotEncoder

CYCLES_PATH = "exports/spreader_daily_cycles.parquet"
VALID_START = "2023-04-01"
TEST_START = "2023-07-01"

NUMERIC = [
    "lock_cycles",
    "mean_lock_time_ms",
    "p95_lock_time_ms",
    "lock_retries",
    "unlock_retries",
    "min_hyd_pressure_bar",
    "mean_hyd_pressure_bar",
    "ambient_temp_c",
    "wind_speed_ms",
    "twin_lift_share",
    "hours_since_greasing",
]
CATEGORICAL = ["spreader_model", "crane_id"]
TARGET = "twistlock_fault"


def load_days(path):
    df = pd.read_parquet(path)
    df["day"] = pd.to_datetime(df["day"])
    df = df[df["lock_cycles"] > 0].copy()
    df["twin_lift_share"] = df["twin_lifts"] / df["lock_cycles"]
    return df.sort_values(["day", "spreader_id"]).reset_index(drop=True)


def build_model():
    encode = ColumnTransformer(
        [("cat", OneHotEncoder(handle_unknown="ignore"), CATEGORICAL)],
        remainder="passthrough",
    )
    return Pipeline([
        ("encode", encode),
        ("under", RandomUnderSampler(sampling_strategy=0.2, random_state=3)),
        ("gbm", LGBMClassifier(
            n_estimators=600, learning_rate=0.03, num_leaves=31,
            subsample=0.8, subsample_freq=1, colsample_bytree=0.8,
            random_state=3, verbose=-1,
        )),
    ])


def best_threshold(y_true, proba):
    grid = np.linspace(0.05, 0.95, 91)
    f1s = [f1_score(y_true, (proba >= t).astype(int), zero_division=0) for t in grid]
    i = int(np.argmax(f1s))
    return grid[i], f1s[i]


def main():
    days = load_days(CYCLES_PATH)
    print(f"{len(days)} spreader-days, fault rate {days[TARGET].mean():.3%}")

    train = days[days["day"] < VALID_START]
    valid = days[(days["day"] >= VALID_START) & (days["day"] < TEST_START)]
    test = days[days["day"] >= TEST_START]
    features = NUMERIC + CATEGORICAL

    model = build_model()
    model.fit(train[features], train[TARGET])

    valid_proba = model.predict_proba(valid[features])[:, 1]
    threshold, _ = best_threshold(valid[TARGET], valid_proba)

    test_proba = model.predict_proba(test[features])[:, 1]

    flagged = (test_proba >= threshold).astype(int)
    print(f"Alert threshold: {threshold:.2f}")
    print(f"Test PR-AUC:   {average_precision_score(test[TARGET], test_proba):.3f}")
    print(f"Test F1:       {f1_score(test[TARGET], flagged):.3f}")
    print(f"Test precision {precision_score(test[TARGET], flagged):.3f}  "
          f"recall {recall_score(test[TARGET], flagged):.3f}")
    print(f"Alerts per week: {flagged.sum() / (test['day'].nunique() / 7):.1f}")


if __name__ == "__main__":
    main()
