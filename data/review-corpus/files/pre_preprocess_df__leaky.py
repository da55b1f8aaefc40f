# label: leakage/preprocessing
# twin: pre_preprocess_df__fixed.py
# source: hand-written for ai-ci held-out v2 (Apache-2.0)
import pandas as pd
from sklearn.ensemble import ExtraTreesClassifier
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import train_test_split


def preprocess(df):
    df = df.copy()
    df["income"] = df["income"].fillna(df["income"].median())
    df["tenure_months"] = df["tenure_months"].fillna(df["tenure_months"].mean())
    df["age_z"] = (df["age"] - df["age"].mean()) / df["age"].std()
    df["region"] = df["region"].fillna(df["region"].mode()[0])
    return pd.get_dummies(df, columns=["region"], dtype=int)


raw = pd.read_csv("customers.csv")
data = preprocess(raw)
X = data.drop(columns=["defaulted", "customer_id"])
y = data["defaulted"]
X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.25, stratify=y, random_state=2)

clf = ExtraTreesClassifier(n_estimators=500, min_samples_leaf=3, random_state=2).fit(X_tr, y_tr)
print("AUC", roc_auc_score(y_te, clf.predict_proba(X_te)[:, 1]))
