# label: leakage/target
# twin: tgt_gym_membership__fixed.py
# source: hand-written for ai-ci held-out v11 (Apache-2.0)
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import RandomForestClassifier
from sklearn.model_selection import train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder
from sklearn.metrics import roc_auc_score, classification_report

members = pd.read_csv("data/gym_members_2023.csv")
members["cancel_channel"] = members["cancel_channel"].fillna("none")

cat = ["contract_type", "home_club", "payment_method", "cancel_channel"]
num = ["age", "avg_visits_per_week", "group_class_bookings", "contract_length_months",
       "has_personal_trainer", "price_increase_pct"]
X = members[cat + num]
y = members["churned"]

X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=30)

clf = Pipeline([
    ("prep", ColumnTransformer([("onehot", OneHotEncoder(handle_unknown="ignore"), cat)],
                               remainder="passthrough")),
    ("rf", RandomForestClassifier(n_estimators=500, min_samples_leaf=3, class_weight="balanced",
                                  random_state=30)),
])
clf.fit(X_train, y_train)
print("AUC:", round(roc_auc_score(y_test, clf.predict_proba(X_test)[:, 1]), 3))
print(classification_report(y_test, clf.predict(X_test)))
