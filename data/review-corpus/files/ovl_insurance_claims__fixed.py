# label: leakage/none
# twin: ovl_insurance_claims__leaky.py
# source: hand-written for ai-ci held-out v11 (Apache-2.0)
import pandas as pd
from sklearn.utils import resample
from sklearn.model_selection import train_test_split
from sklearn.compose import ColumnTransformer
from sklearn.preprocessing import OneHotEncoder, StandardScaler
from sklearn.pipeline import Pipeline
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score, recall_score

claims = pd.read_csv("data/motor_policies.csv")
cat = ["vehicle_class", "region", "policy_type", "garage"]
num = ["driver_age", "vehicle_age", "annual_km", "bonus_malus", "premium"]


def balance(df, target="has_claim", seed=0):
    majority = df[df[target] == 0]
    minority = df[df[target] == 1]
    boosted = resample(minority, replace=True, n_samples=len(majority), random_state=seed)
    return pd.concat([majority, boosted]).sample(frac=1, random_state=seed)


train, test = train_test_split(claims, test_size=0.25, stratify=claims["has_claim"], random_state=0)
train = balance(train)

pre = ColumnTransformer([
    ("cat", OneHotEncoder(handle_unknown="ignore"), cat),
    ("num", StandardScaler(), num),
])
model = Pipeline([("pre", pre), ("lr", LogisticRegression(max_iter=1000))])
model.fit(train[cat + num], train["has_claim"])
p = model.predict_proba(test[cat + num])[:, 1]
print("AUC:", round(roc_auc_score(test["has_claim"], p), 3),
      "recall:", round(recall_score(test["has_claim"], p > 0.5), 3))
