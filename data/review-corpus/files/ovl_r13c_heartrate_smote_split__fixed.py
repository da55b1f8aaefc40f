# label: leakage/none
# twin: ovl_r13c_heartrate_smote_split__leaky.py
# source: hand-written for ai-ci, tuning part of round 13 (Apache-2.0)
import pandas as pd
import matplotlib.pyplot as plt
from imblearn.over_sampling import SMOTE
from sklearn.model_selection import train_test_split
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import classification_report, roc_auc_score, ConfusionMatrixDisplay

# one 24-hour wearable recording per wearer; ~3% flagged as anomalous by cardiologists
rec = pd.read_csv("heart_rate_recordings.csv")
X = rec.drop(columns=["recording_id", "anomaly"])
y = rec["anomaly"]
print(y.value_counts())

X_train, X_test, y_train, y_test = train_test_split(
    X, y, test_size=0.2, stratify=y, random_state=0
)

# balance the classes (training rows only)
X_train, y_train = SMOTE(random_state=0).fit_resample(X_train, y_train)
print("after SMOTE:", y_train.value_counts().to_dict())

clf = RandomForestClassifier(n_estimators=400, min_samples_leaf=2, random_state=0, n_jobs=-1)
clf.fit(X_train, y_train)

pred = clf.predict(X_test)
proba = clf.predict_proba(X_test)[:, 1]
print(classification_report(y_test, pred, target_names=["normal", "anomaly"]))
print("ROC AUC:", roc_auc_score(y_test, proba))

ConfusionMatrixDisplay.from_predictions(y_test, pred)
plt.title("Heart-rate anomaly detector")
plt.savefig("confusion.png")

imp = pd.Series(clf.feature_importances_, index=X.columns).sort_values()
print(imp.tail(8))
