# label: leakage/overlap
# twin: ovl_voice_parkinsons__fixed.py
# source: hand-written for ai-ci held-out v10 (Apache-2.0)
import pandas as pd
from sklearn.model_selection import train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVC
from sklearn.metrics import accuracy_score, balanced_accuracy_score, confusion_matrix

rec = pd.read_csv("clinic/sustained_phonation_features.csv")
print(rec.groupby("subject_id").size().describe())

acoustic = [
    "mdvp_fo_hz", "mdvp_fhi_hz", "mdvp_flo_hz", "jitter_pct", "jitter_abs",
    "shimmer_db", "shimmer_apq5", "nhr", "hnr", "rpde", "dfa",
    "spread1", "spread2", "d2", "ppe",
]
X = rec[acoustic]
y = rec["parkinsons"]

X_train, X_test, y_train, y_test = train_test_split(
    X, y, test_size=0.25, stratify=y, random_state=5
)

clf = Pipeline([
    ("scale", StandardScaler()),
    ("svm", SVC(C=10.0, gamma="scale", class_weight="balanced")),
])
clf.fit(X_train, y_train)
pred = clf.predict(X_test)

print(confusion_matrix(y_test, pred))
print(f"accuracy:          {accuracy_score(y_test, pred):.3f}")
print(f"balanced accuracy: {balanced_accuracy_score(y_test, pred):.3f}")
