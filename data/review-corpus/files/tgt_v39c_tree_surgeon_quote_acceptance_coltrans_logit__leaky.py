# label: leakage/target
import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import brier_score_loss, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

# Quotes issued by the arboricultural team after a site survey.
# Goal: rank open quotes by how likely the customer is to go ahead, so the
# office knows which ones to chase first.

quotes = pd.read_csv(
    "crm/tree_work_quotes.csv",
    parse_dates=["enquiry_date", "survey_date", "quote_sent", "scheduled_date"],
)
quotes = quotes[quotes["status"].isin(["accepted", "declined", "expired"])].copy()
quotes["accepted"] = (quotes["status"] == "accepted").astype(int)

quotes["days_enquiry_to_survey"] = (quotes["survey_date"] - quotes["enquiry_date"]).dt.days
quotes["days_survey_to_quote"] = (quotes["quote_sent"] - quotes["survey_date"]).dt.days
quotes["lead_time_days"] = (quotes["scheduled_date"] - quotes["quote_sent"]).dt.days.fillna(-1)
quotes["log_quote_gbp"] = np.log(quotes["quote_total_gbp"])
quotes["price_per_tree"] = quotes["quote_total_gbp"] / quotes["n_trees"].clip(lower=1)
quotes["quote_month"] = quotes["quote_sent"].dt.month.astype(str)

categorical = [
    "job_type", "main_species", "access", "lead_source", "customer_type",
    "surveyor", "quote_month",
]
numeric = [
    "n_trees", "max_height_m", "log_quote_gbp", "price_per_tree", "tpo_or_conservation",
    "needs_road_closure", "waste_removal_included", "days_enquiry_to_survey",
    "days_survey_to_quote", "lead_time_days",
]

train, test = train_test_split(
    quotes, test_size=0.25, stratify=quotes["accepted"], random_state=19
)

preprocess = ColumnTransformer([
    ("cat", OneHotEncoder(handle_unknown="ignore", min_frequency=10), categorical),
    ("num", Pipeline([
        ("impute", SimpleImputer(strategy="median")),
        ("scale", StandardScaler()),
    ]), numeric),
])
clf = Pipeline([
    ("prep", preprocess),
    ("logit", LogisticRegression(C=1.0, max_iter=2000)),
])
clf.fit(train[categorical + numeric], train["accepted"])

p = clf.predict_proba(test[categorical + numeric])[:, 1]
print(f"train quotes {len(train)}, test quotes {len(test)}")
print(f"acceptance rate test: {test['accepted'].mean():.1%}")
print(f"AUC   {roc_auc_score(test['accepted'], p):.3f}")
print(f"Brier {brier_score_loss(test['accepted'], p):.4f}")

deciles = pd.qcut(p, 10, labels=False, duplicates="drop")
lift = test.assign(decile=deciles).groupby("decile")["accepted"].mean()
print(lift.round(3))

names = clf.named_steps["prep"].get_feature_names_out()
coefs = pd.Series(clf.named_steps["logit"].coef_[0], index=names)
print(coefs.sort_values().round(3).tail(12))
