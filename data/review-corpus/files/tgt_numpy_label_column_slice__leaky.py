# label: leakage/target
# twin: tgt_numpy_label_column_slice__fixed.py
# source: hand-written for ai-ci held-out v3 (Apache-2.0)
import numpy as np
from sklearn.ensemble import ExtraTreesClassifier
from sklearn.metrics import classification_report
from sklearn.model_selection import train_test_split

# columns: sample id, 11 physico-chemical measurements, quality grade (last column)
data = np.loadtxt("wine_samples.csv", delimiter=",", skiprows=1)
X = data[:, 1:]
y = data[:, -1].astype(int)

X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.3, stratify=y, random_state=0)
clf = ExtraTreesClassifier(n_estimators=400, n_jobs=-1, random_state=0).fit(X_train, y_train)
print(classification_report(y_test, clf.predict(X_test)))
