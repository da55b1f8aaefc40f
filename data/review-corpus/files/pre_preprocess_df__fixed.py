# label: leakage/none
# twin: pre_preprocess_df__leaky.py
# source: hand-written for ai-ci held-out v2 (Apache-2.0)
import pandas as pd
from sklearn.ensemble import ExtraTreesClassifier
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import train_test_split


def fit_stats(df):
    return {
        "income": df["income"].median(),
        "tenure_months": df["tenure_months"].mean(),
        "age_mean": df["age"].mean(),
        "age_std": df["age"].std(),
        "region": df["region"].mode()[0],
    }


def preprocess(df, stats):
    df = df.copy()
    df["income"] = df["income"].fillna(stats["income"])
    df["tenure_months"] = df["tenure_months"].fillna(stats["tenure_months"])
    df["age_z"] = (df["age"] - stats["age_mean"]) / stats["age_std"]
    df["region"] = df["region"].fillna(stats["region"])
    return pd.get_dummies(df, columns=["region"], dtype=int)


raw = pd.read_csv("customers.csv")
train_raw, test_raw = train_test_split(raw, test_size=0.25, stratify=raw["defaulted"], random_state=2)
stats = fit_stats(train_raw)
train = preprocess(train_raw, stats)
test = preprocess(test_raw, stats).reindex(columns=train.columns, fill_value=0)
X_tr, y_tr = train.drop(columns=["defaulted", "customer_id"]), train["defaulted"]
X_te, y_te = test.drop(columns=["defaulted", "customer_id"]), test["defaulted"]

clf = ExtraTreesClassifier(n_estimators=500, min_samples_leaf=3, random_state=2).fit(X_tr, y_tr)
print("AUC", roc_auc_score(y_te, clf.predict_proba(X_te)[:, 1]))
