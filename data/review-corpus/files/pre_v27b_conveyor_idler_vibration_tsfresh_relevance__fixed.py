# label: leakage/none
"""Predict conveyor idler roller failure within 90 days from a vibration snapshot using tsfresh features."""
import pandas as pd
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import train_test_split
from tsfresh import extract_features, select_features
from tsfresh.feature_extraction import EfficientFCParameters
from tsfresh.utilities.dataframe_functions import impute_dataframe_zero

signals = pd.read_parquet("idler_vibration_snapshots.parquet")  # roller_id, t_ms, accel_g
outcomes = pd.read_csv("idler_outcomes.csv")                      # roller_id, failed_90d
register = pd.read_csv("idler_register.csv")                      # roller_id, conveyor, position_m, ...

signals = signals.dropna(subset=["accel_g"])
n_samples = signals.groupby("roller_id")["t_ms"].count()
complete = n_samples[n_samples >= 2048].index
signals = signals[signals["roller_id"].isin(complete)]
outcomes = outcomes[outcomes["roller_id"].isin(complete)].drop_duplicates("roller_id")
outcomes = outcomes.set_index("roller_id")
print(f"{len(outcomes)} rollers, failure rate {outcomes['failed_90d'].mean():.3f}")

raw = extract_features(
    signals,
    column_id="roller_id",
    column_sort="t_ms",
    column_value="accel_g",
    default_fc_parameters=EfficientFCParameters(),
    n_jobs=4,
)
raw = impute_dataframe_zero(raw).loc[outcomes.index]
y = outcomes["failed_90d"].astype(int)

ids_train, ids_test = train_test_split(
    outcomes.index, test_size=0.25, stratify=y, random_state=3
)
y_train, y_test = y.loc[ids_train], y.loc[ids_test]

# keep the extracted features that are significantly associated with failure
X_train = select_features(raw.loc[ids_train], y_train, fdr_level=0.01)
X_test = raw.loc[ids_test, X_train.columns]
print(f"{raw.shape[1]} extracted -> {X_train.shape[1]} kept")

context_cols = ["belt_speed_mps", "position_m", "install_age_days", "trough_angle_deg"]
context = register.drop_duplicates("roller_id").set_index("roller_id")[context_cols]
X_train = X_train.join(context)
X_test = X_test.join(context)

clf = HistGradientBoostingClassifier(
    max_iter=300,
    learning_rate=0.05,
    max_leaf_nodes=15,
    l2_regularization=1.0,
    class_weight="balanced",
    random_state=3,
)
clf.fit(X_train, y_train)
proba = clf.predict_proba(X_test)[:, 1]

print(f"Test ROC AUC: {roc_auc_score(y_test, proba):.3f}")
print(f"Test average precision: {average_precision_score(y_test, proba):.3f}")
