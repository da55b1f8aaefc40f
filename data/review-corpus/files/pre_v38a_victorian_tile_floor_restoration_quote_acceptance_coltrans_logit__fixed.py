# label: leakage/none
"""Which Victorian tile floor restoration quotes get accepted?

Quotes issued since 2016 for encaustic and geometric floors in hallways,
churches and civic buildings. Used to prioritise follow-up calls and to see
how price and lead time affect acceptance.
"""
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import log_loss, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

QUOTES = "crm/quotes_export.xlsx"

categorical = [
    "client_type",
    "listed_grade",
    "work_scope",
    "tile_type",
    "enquiry_source",
    "county",
]
numeric = [
    "floor_area_m2",
    "tiles_to_replace",
    "loose_tile_pct",
    "pattern_complexity",
    "subfloor_damp",
    "needs_screed_repair",
    "travel_km",
    "quote_gbp",
    "lead_time_weeks",
    "previous_jobs_with_client",
    "grant_funded",
]


def load_quotes(path):
    quotes = pd.read_excel(path, sheet_name="quotes")
    quotes = quotes[quotes["status"].isin(["accepted", "declined", "lapsed"])]
    quotes["accepted"] = (quotes["status"] == "accepted").astype(int)
    quotes["quote_gbp_per_m2"] = quotes["quote_gbp"] / quotes["floor_area_m2"]
    return quotes


quotes = load_quotes(QUOTES)
features = categorical + numeric + ["quote_gbp_per_m2"]
print(quotes["accepted"].value_counts())

preprocess = ColumnTransformer([
    ("cat", make_pipeline(
        SimpleImputer(strategy="most_frequent"),
        OneHotEncoder(handle_unknown="ignore", min_frequency=10),
    ), categorical),
    ("num", make_pipeline(
        SimpleImputer(strategy="median"),
        StandardScaler(),
    ), numeric + ["quote_gbp_per_m2"]),
])

y = quotes["accepted"].to_numpy()
X_train, X_test, y_train, y_test = train_test_split(
    quotes[features], y, test_size=0.25, stratify=y, random_state=2016
)
X_train = preprocess.fit_transform(X_train)
X_test = preprocess.transform(X_test)

clf = LogisticRegression(C=0.5, max_iter=3000)
clf.fit(X_train, y_train)

proba = clf.predict_proba(X_test)[:, 1]
print(f"test ROC AUC:  {roc_auc_score(y_test, proba):.4f}")
print(f"test log loss: {log_loss(y_test, proba):.4f}")

coefs = pd.Series(clf.coef_[0], index=preprocess.get_feature_names_out())
print("strongest effects on acceptance (log-odds):")
print(coefs.reindex(coefs.abs().sort_values(ascending=False).index).head(15).round(3).to_string())
