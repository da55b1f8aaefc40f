# label: leakage/none
# Driver academy: predict whether a trainee will collide in a simulator hazard scenario,
# from reaction/eye-tracking metrics logged in the first seconds after hazard onset.
# The model is meant to screen the next intake of trainees before they go on the road.
import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import roc_auc_score, average_precision_score
from sklearn.model_selection import StratifiedGroupKFold
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder

trials = pd.read_csv("data/academy/sim_hazard_trials.csv")
profiles = pd.read_csv("data/academy/trainee_profiles.csv")
trials = trials.merge(profiles[["trainee_id", "age", "licence_years_car", "prior_van_experience"]],
                      on="trainee_id", how="left")
trials = trials[trials["sim_fault_flag"] == 0]  # drop runs where the rig crashed or froze

trials["speed_over_limit"] = trials["speed_at_onset_kmh"] - trials["speed_limit_kmh"]
trials["first_fix_to_brake_ms"] = trials["brake_onset_ms"] - trials["first_fixation_ms"]

numeric = ["age", "licence_years_car", "prior_van_experience", "speed_at_onset_kmh",
           "speed_over_limit", "first_fixation_ms", "brake_onset_ms", "first_fix_to_brake_ms",
           "mirror_checks_10s", "fixation_dispersion_deg", "steering_reversal_rate",
           "headway_s", "trial_index"]
categorical = ["scenario_type", "weather_preset", "vehicle_config"]
X = trials[numeric + categorical]
y = trials["collision"].to_numpy()
groups = trials["trainee_id"].to_numpy()
print(trials["trainee_id"].nunique(), "trainees,", len(trials), "trials,", y.mean().round(3), "collision rate")

pre = ColumnTransformer([
    ("cat", OneHotEncoder(handle_unknown="ignore", min_frequency=20), categorical),
], remainder="passthrough")
model = Pipeline([
    ("pre", pre),
    ("gbm", HistGradientBoostingClassifier(learning_rate=0.05, max_leaf_nodes=31,
                                           l2_regularization=1.0, max_iter=400, random_state=0)),
])

cv = StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=0)
oof = np.zeros(len(trials))
fold_rows = []
for fold, (tr_idx, va_idx) in enumerate(cv.split(X, y, groups)):
    model.fit(X.iloc[tr_idx], y[tr_idx])
    oof[va_idx] = model.predict_proba(X.iloc[va_idx])[:, 1]
    fold_rows.append({
        "fold": fold,
        "n_val": len(va_idx),
        "auc": roc_auc_score(y[va_idx], oof[va_idx]),
        "ap": average_precision_score(y[va_idx], oof[va_idx]),
    })

folds = pd.DataFrame(fold_rows)
print(folds.round(4).to_string(index=False))
print(f"OOF AUC {roc_auc_score(y, oof):.4f} | OOF AP {average_precision_score(y, oof):.4f}")

# per-trainee screening score: mean predicted collision risk across their trials
trials["risk"] = oof
screen = (trials.groupby("trainee_id")
          .agg(mean_risk=("risk", "mean"), observed=("collision", "mean"), n_trials=("risk", "size"))
          .sort_values("mean_risk", ascending=False))
print(screen.head(15))
screen.to_csv("reports/trainee_risk_screen.csv")
