# label: leakage/overlap
# Jam prediction for automatic clay traps at the shooting ground.
# One row per booked trap session; settings and weather are logged at session start.
import pandas as pd
from imblearn.over_sampling import ADASYN
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import classification_report, roc_auc_score, average_precision_score
from sklearn.model_selection import train_test_split

sessions = pd.read_csv("data/trap_sessions.csv", parse_dates=["session_start"])
sessions = sessions[sessions["targets_booked"] > 0]

sessions["hour"] = sessions["session_start"].dt.hour
sessions["month"] = sessions["session_start"].dt.month
sessions["throws_since_service_k"] = sessions["throws_since_service"] / 1000
sessions["is_weekend"] = (sessions["session_start"].dt.dayofweek >= 5).astype(int)
sessions["dew_gap_c"] = sessions["air_temp_c"] - sessions["dew_point_c"]

FEATURES = [
    "targets_booked",
    "throws_since_service_k",
    "arm_spring_tension_n",
    "battery_v_start",
    "air_temp_c",
    "humidity_pct",
    "dew_gap_c",
    "wind_ms",
    "magazine_fill_pct",
    "throw_angle_deg",
    "hours_since_service",
    "biodegradable_clays",
    "hour",
    "month",
    "is_weekend",
]
sessions = sessions.dropna(subset=FEATURES + ["jammed"])

X = sessions[FEATURES]
y = sessions["jammed"].astype(int)
print(f"{len(sessions)} sessions, jam rate {y.mean():.3%}")

X_res, y_res = ADASYN(n_neighbors=5, random_state=0).fit_resample(X, y)
X_train, X_test, y_train, y_test = train_test_split(
    X_res, y_res, test_size=0.25, stratify=y_res, random_state=0
)

forest = RandomForestClassifier(
    n_estimators=500,
    min_samples_leaf=3,
    max_features="sqrt",
    n_jobs=-1,
    random_state=0,
)
forest.fit(X_train, y_train)

proba = forest.predict_proba(X_test)[:, 1]
pred = (proba >= 0.5).astype(int)
print(f"ROC AUC: {roc_auc_score(y_test, proba):.3f}")
print(f"PR AUC:  {average_precision_score(y_test, proba):.3f}")
print(classification_report(y_test, pred, target_names=["ok", "jam"], digits=3))

importances = pd.Series(forest.feature_importances_, index=FEATURES).sort_values(ascending=False)
print("Top drivers of jams:")
print(importances.head(8).round(3).to_string())
