# label: leakage/overlap
# Cannery line 3 double seamer: flag cans whose seam will be rejected at the
# vacuum/pressure check, using the inline seam monitor and seamer settings.
import pandas as pd
from imblearn.combine import SMOTEENN
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import average_precision_score, classification_report, roc_auc_score
from sklearn.model_selection import train_test_split

SEAM_LOG = "qa/line3_seam_monitor_2024.parquet"

NUMERIC = [
    "line_speed_cpm",
    "first_op_roll_gap_mm",
    "second_op_roll_gap_mm",
    "base_plate_pressure_kn",
    "chuck_wear_hours",
    "first_op_roll_wear_hours",
    "lid_curl_height_mm",
    "body_flange_width_mm",
    "body_wall_thickness_mm",
    "compound_weight_mg",
    "fill_temp_c",
    "headspace_mm",
    "seam_thickness_mm",
    "seam_width_mm",
    "countersink_depth_mm",
]


def load_log(path):
    log = pd.read_parquet(path)
    log = log.dropna(subset=NUMERIC + ["seam_reject"])
    # calibration cans are run through at every shift change
    log = log[~log["is_calibration_can"]]
    return log


def add_ratios(df):
    df = df.copy()
    df["gap_ratio"] = df["second_op_roll_gap_mm"] / df["first_op_roll_gap_mm"]
    df["flange_to_curl"] = df["body_flange_width_mm"] / df["lid_curl_height_mm"]
    df["wear_total_hours"] = df["chuck_wear_hours"] + df["first_op_roll_wear_hours"]
    return df


log = add_ratios(load_log(SEAM_LOG))
features = NUMERIC + ["gap_ratio", "flange_to_curl", "wear_total_hours"]
X = log[features].to_numpy()
y = log["seam_reject"].astype(int).to_numpy()
print(f"{len(y)} cans, reject rate {y.mean():.3%}")

X_res, y_res = SMOTEENN(sampling_strategy=0.3, random_state=5).fit_resample(X, y)
X_train, X_test, y_train, y_test = train_test_split(
    X_res, y_res, test_size=0.25, stratify=y_res, random_state=5
)
print(f"train {len(y_train)} (reject {y_train.mean():.2%}), test {len(y_test)}")

clf = HistGradientBoostingClassifier(
    learning_rate=0.05,
    max_iter=600,
    max_leaf_nodes=31,
    min_samples_leaf=40,
    l2_regularization=1.0,
    early_stopping=False,
    random_state=5,
)
clf.fit(X_train, y_train)

proba = clf.predict_proba(X_test)[:, 1]
pred = (proba >= 0.5).astype(int)
print(f"ROC AUC: {roc_auc_score(y_test, proba):.4f}")
print(f"PR AUC : {average_precision_score(y_test, proba):.4f}")
print(classification_report(y_test, pred, target_names=["ok", "reject"], digits=3))
