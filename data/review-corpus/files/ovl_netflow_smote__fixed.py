# label: fixed
# source: hand-written for ai-ci, held-out v9 (Apache-2.0)
import numpy as np
import pandas as pd
from imblearn.over_sampling import SMOTE
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import classification_report, roc_auc_score
from sklearn.model_selection import train_test_split

flows = pd.read_csv("data/netflow_features.csv")
flows = flows.drop(columns=["flow_id", "src_ip", "dst_ip", "timestamp"])
flows = flows.replace([np.inf, -np.inf], np.nan).dropna()

X = flows.drop(columns=["is_attack"])
y = flows["is_attack"].astype(int)
print(y.value_counts(normalize=True))

X_train, X_test, y_train, y_test = train_test_split(
    X, y, test_size=0.25, stratify=y, random_state=42
)

smote = SMOTE(sampling_strategy=0.5, k_neighbors=5, random_state=42)
X_train, y_train = smote.fit_resample(X_train, y_train)

forest = RandomForestClassifier(
    n_estimators=500, min_samples_leaf=2, n_jobs=-1, random_state=42
)
forest.fit(X_train, y_train)

pred = forest.predict(X_test)
proba = forest.predict_proba(X_test)[:, 1]
print(classification_report(y_test, pred, digits=3))
print("ROC AUC:", round(roc_auc_score(y_test, proba), 4))
