# label: leakage/selection
# twin: sel_v15_elevator_forward_selection__fixed.py
# source: hand-written for ai-ci held-out v15 (Apache-2.0)
"""Greedy feature selection for an elevator door-fault classifier (one row per lift unit)."""
import logging

import lightgbm as lgb
import pandas as pd
from sklearn.metrics import average_precision_score
from sklearn.model_selection import train_test_split

logging.basicConfig(level=logging.INFO)
LOG = logging.getLogger(__name__)

PARAMS = dict(n_estimators=300, learning_rate=0.05, num_leaves=15,
              min_child_samples=20, subsample=0.8, subsample_freq=1,
              colsample_bytree=0.8, random_state=5, verbose=-1)
CANDIDATES = [
    "door_cycles_per_day", "door_motor_current_rms", "door_close_time_s",
    "reopen_events_7d", "levelling_error_mm", "car_load_mean_kg", "building_floors",
    "install_age_years", "last_service_days", "controller_temp_c", "vibration_rms",
    "landing_call_rate", "power_dips_30d", "shaft_humidity_pct",
]
TARGET = "door_fault_90d"
MAX_FEATURES = 8


def score_subset(cols, fit_set, eval_set):
    (X_fit, y_fit), (X_eval, y_eval) = fit_set, eval_set
    model = lgb.LGBMClassifier(**PARAMS).fit(X_fit[cols], y_fit)
    return average_precision_score(y_eval, model.predict_proba(X_eval[cols])[:, 1])


def forward_select(fit_set, eval_set, max_features=MAX_FEATURES):
    chosen, best_so_far = [], 0.0
    while len(chosen) < max_features:
        remaining = [c for c in CANDIDATES if c not in chosen]
        gains = {c: score_subset(chosen + [c], fit_set, eval_set) for c in remaining}
        best_col = max(gains, key=gains.get)
        if gains[best_col] <= best_so_far + 1e-4:
            break
        chosen.append(best_col)
        best_so_far = gains[best_col]
        LOG.info("added %-26s AP=%.4f", best_col, best_so_far)
    return chosen


def main():
    units = pd.read_csv("data/lifts/unit_snapshot.csv")
    X, y = units[CANDIDATES], units[TARGET]
    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=0.2, stratify=y, random_state=5
    )

    selected = forward_select((X_train, y_train), (X_test, y_test))

    final = lgb.LGBMClassifier(**PARAMS).fit(X_train[selected], y_train)
    ap = average_precision_score(y_test, final.predict_proba(X_test[selected])[:, 1])
    LOG.info("selected features: %s", selected)
    LOG.info("test average precision: %.4f", ap)
    pd.Series(selected, name="feature").to_csv("artifacts/lift_features.csv", index=False)


if __name__ == "__main__":
    main()
