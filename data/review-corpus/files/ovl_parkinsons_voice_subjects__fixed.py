# label: fixed
# source: hand-written for ai-ci, held-out v9 (Apache-2.0)
import pandas as pd
from sklearn.metrics import balanced_accuracy_score, roc_auc_score
from sklearn.model_selection import GroupShuffleSplit
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVC

voice = pd.read_csv("data/parkinsons_voice_recordings.csv")
voice["subject"] = voice["name"].str.rsplit("_", n=1).str[0]
print(voice.groupby("subject").size().describe())

feature_cols = [c for c in voice.columns if c not in ("name", "subject", "status")]
X = voice[feature_cols]
y = voice["status"]

splitter = GroupShuffleSplit(n_splits=1, test_size=0.25, random_state=1)
train_idx, test_idx = next(splitter.split(X, y, groups=voice["subject"]))
X_train, X_test = X.iloc[train_idx], X.iloc[test_idx]
y_train, y_test = y.iloc[train_idx], y.iloc[test_idx]

clf = Pipeline([
    ("scale", StandardScaler()),
    ("svm", SVC(C=4.0, gamma="scale", class_weight="balanced", probability=True)),
])
clf.fit(X_train, y_train)

pred = clf.predict(X_test)
proba = clf.predict_proba(X_test)[:, 1]
print(f"recordings in test: {len(X_test)}")
print(f"balanced accuracy: {balanced_accuracy_score(y_test, pred):.3f}")
print(f"ROC AUC: {roc_auc_score(y_test, proba):.3f}")
