# label: leakage/none
"""Predict at intake whether a wheelchair repair ticket will need a parts order.

Intake text is typed by the service desk from the user's phone call; structured fields come
from the chair record.
"""
import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.feature_selection import SelectKBest, chi2
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold, cross_validate
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

TEXT = "intake_description"
CAT = ["chair_type", "manufacturer", "drive_type", "service_region", "funding_body"]
NUM = ["chair_age_months", "user_weight_kg", "days_since_last_service", "battery_age_months"]
TARGET = "needed_parts"
TOP_TERMS = 1500


def load_tickets(path="data/wheelchair_repair_tickets.csv"):
    t = pd.read_csv(path, parse_dates=["opened_at"])
    t = t[t["status"].isin(["closed", "resolved"])].copy()
    t[TEXT] = (t[TEXT].fillna("").str.lower()
               .str.replace(r"\b\d{5,}\b", " ", regex=True)
               .str.replace(r"\s+", " ", regex=True))
    t[NUM] = t[NUM].astype(float)
    t["battery_age_months"] = t["battery_age_months"].where(t["drive_type"] != "manual")
    return t


tickets = load_tickets()
print(tickets.shape, "parts rate:", tickets[TARGET].mean().round(3))
X, y = tickets[[TEXT] + CAT + NUM], tickets[TARGET]

text_step = Pipeline([
    ("tfidf", TfidfVectorizer(ngram_range=(1, 2), min_df=3, stop_words="english", sublinear_tf=True)),
    ("chi2", SelectKBest(chi2, k=TOP_TERMS)),
])

num_step = Pipeline([
    ("impute", SimpleImputer(strategy="median", add_indicator=True)),
    ("scale", StandardScaler()),
])
pre = ColumnTransformer([
    ("text", text_step, TEXT),
    ("cat", OneHotEncoder(handle_unknown="ignore", min_frequency=20), CAT),
    ("num", num_step, NUM),
])
clf = Pipeline([("pre", pre), ("lr", LogisticRegression(C=2.0, max_iter=3000, class_weight="balanced"))])

cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=7)
res = cross_validate(clf, X, y, cv=cv, scoring={"auc": "roc_auc", "ap": "average_precision", "f1": "f1"})
for metric in ["auc", "ap", "f1"]:
    vals = res[f"test_{metric}"]
    print(f"{metric:>4s}: {vals.mean():.3f} ± {vals.std():.3f}  folds={np.round(vals, 3)}")

clf.fit(X, y)
coef = clf.named_steps["lr"].coef_.ravel()
names = clf.named_steps["pre"].get_feature_names_out()
top = pd.Series(coef, index=names).sort_values()
print("strongest 'parts' indicators:\n", top.tail(15).round(3))
