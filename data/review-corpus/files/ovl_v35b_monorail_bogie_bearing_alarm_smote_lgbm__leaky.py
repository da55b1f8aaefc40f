# label: leakage/overlap
"""Flag overhauled monorail bogies likely to trip the bearing temperature alarm on the rig run.

One row per bogie coming out of the depot overhaul line (rig_runs.csv).
"""
import lightgbm as lgb
import pandas as pd
from imblearn.over_sampling import SMOTE
from sklearn.metrics import average_precision_score, classification_report, roc_auc_score
from sklearn.model_selection import train_test_split

RIG_FILE = "data/depot/rig_runs.csv"

NUMERIC = [
    "km_since_last_overhaul", "axle_box_play_mm", "grease_fill_g", "seal_age_months",
    "wheel_diameter_mm", "wheel_runout_mm", "guide_wheel_wear_mm", "vibration_rms_g_static",
    "motor_insulation_mohm", "ambient_temp_c", "technician_years",
]
LEVELS = {
    "bearing_supplier": ["SKF", "FAG", "NSK", "Timken", "NTN"],
    "line": ["red", "blue", "airport"],
    "overhaul_level": ["A", "B", "C"],
}
CATEGORICAL = list(LEVELS)


def load_rig_runs(path):
    df = pd.read_csv(path, parse_dates=["overhaul_completed"])
    df = df.drop_duplicates(subset="bogie_serial", keep="last")
    df["alarm"] = (df["rig_result"] == "bearing_temp_alarm").astype(int)
    for col, levels in LEVELS.items():
        df[col] = pd.Categorical(df[col], categories=levels).codes
    df["grease_per_mm_play"] = df["grease_fill_g"] / (df["axle_box_play_mm"] + 0.05)
    return df


runs = load_rig_runs(RIG_FILE)
features = NUMERIC + CATEGORICAL + ["grease_per_mm_play"]
runs = runs.dropna(subset=features)
X = runs[features]
y = runs["alarm"]
print(f"{len(runs)} bogies, alarm rate {y.mean():.3%}")

# alarms are rare, so synthesise extra positives
X_bal, y_bal = SMOTE(k_neighbors=5, random_state=21).fit_resample(X, y)

X_train, X_test, y_train, y_test = train_test_split(
    X_bal, y_bal, test_size=0.25, stratify=y_bal, random_state=21
)

clf = lgb.LGBMClassifier(
    n_estimators=500,
    learning_rate=0.03,
    num_leaves=31,
    min_child_samples=20,
    subsample=0.8,
    subsample_freq=1,
    colsample_bytree=0.8,
    random_state=21,
    verbose=-1,
)
clf.fit(X_train, y_train)

proba = clf.predict_proba(X_test)[:, 1]
pred = (proba >= 0.5).astype(int)
print(f"ROC AUC           : {roc_auc_score(y_test, proba):.3f}")
print(f"average precision : {average_precision_score(y_test, proba):.3f}")
print(classification_report(y_test, pred, target_names=["pass", "alarm"], digits=3))

importance = pd.Series(clf.booster_.feature_importance("gain"), index=features)
print(importance.sort_values(ascending=False).head(10).round(1))

# bogies on the current overhaul line
queue = load_rig_runs("data/depot/overhaul_queue.csv")
queue = queue.dropna(subset=features)
queue["p_alarm"] = clf.predict_proba(queue[features])[:, 1]
print(queue.sort_values("p_alarm", ascending=False)[["bogie_serial", "line", "p_alarm"]].head(15))
