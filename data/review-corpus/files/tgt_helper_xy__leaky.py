# label: leakage/target
# twin: tgt_helper_xy__fixed.py
# source: hand-written for ai-ci held-out v2 (Apache-2.0)
import pandas as pd
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import accuracy_score
from sklearn.model_selection import train_test_split

TARGET = "readmitted"


def split_xy(df, target):
    X = df.select_dtypes("number").copy()
    y = df[target]
    return X, y


visits = pd.read_csv("hospital_visits.csv")
visits[TARGET] = (visits["readmitted_within_30d"] == "yes").astype(int)
visits = visits.drop(columns=["readmitted_within_30d"])

X, y = split_xy(visits, TARGET)
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=0)
clf = HistGradientBoostingClassifier(random_state=0).fit(X_train, y_train)
print("accuracy", accuracy_score(y_test, clf.predict(X_test)))
