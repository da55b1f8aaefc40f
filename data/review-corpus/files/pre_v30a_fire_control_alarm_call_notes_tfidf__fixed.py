# label: leakage/none
"""Fire control room: score incoming automatic-alarm calls for 'unwanted fire signal'
so a reduced attendance can be sent. Inputs are only what the control operator has
when the call drops: the typed call notes, premises record and time of day.
"""
import joblib
import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, classification_report, roc_auc_score
from sklearn.preprocessing import OneHotEncoder, StandardScaler

calls = pd.read_csv(
    "exports/control/afa_calls_2019_2024.csv",
    parse_dates=["call_received"],
    dtype={"uprn": "string", "premises_category": "category", "alarm_receiving_centre": "category"},
)
premises = pd.read_parquet("exports/premises/premises_register.parquet")
calls = calls.merge(premises[["uprn", "sleeping_risk", "storeys"]], on="uprn", how="left")
calls = calls.sort_values("call_received").reset_index(drop=True)
calls["afa_calls_to_date"] = calls.groupby("uprn", dropna=False).cumcount()

calls["call_notes"] = (
    calls["call_notes"].fillna("").str.lower()
    .str.replace(r"\b\d{3,}\b", " <num> ", regex=True)   # phone numbers, alarm zone ids
    .str.replace(r"\s+", " ", regex=True)
)
calls["hour"] = calls["call_received"].dt.hour
calls["is_weekend"] = (calls["call_received"].dt.dayofweek >= 5).astype(int)
calls["business_hours"] = calls["hour"].between(8, 18).astype(int) * (1 - calls["is_weekend"])
calls["storeys"] = calls["storeys"].fillna(calls.loc[calls["call_received"] < "2024-01-01", "storeys"].median())
calls["sleeping_risk"] = calls["sleeping_risk"].fillna(False).astype(int)

y = (calls["outcome_code"] == "UFS").astype(int).to_numpy()

features = ColumnTransformer([
    ("notes", TfidfVectorizer(ngram_range=(1, 2), min_df=5, max_df=0.6, sublinear_tf=True), "call_notes"),
    ("cats", OneHotEncoder(handle_unknown="ignore", min_frequency=20),
     ["premises_category", "alarm_receiving_centre"]),
    ("nums", StandardScaler(), ["hour", "storeys", "afa_calls_to_date"]),
    ("flags", "passthrough", ["is_weekend", "business_hours", "sleeping_risk"]),
])
# evaluate on the most recent year of calls
is_test = (calls["call_received"] >= "2024-01-01").to_numpy()
X_train = features.fit_transform(calls[~is_test])
X_test = features.transform(calls[is_test])
y_train, y_test = y[~is_test], y[is_test]
print("feature matrix:", X_train.shape)

clf = LogisticRegression(C=2.0, max_iter=3000, class_weight="balanced", solver="liblinear")
clf.fit(X_train, y_train)

p = clf.predict_proba(X_test)[:, 1]
print(f"2024 calls: ROC AUC {roc_auc_score(y_test, p):.3f}   AP {average_precision_score(y_test, p):.3f}")
print(classification_report(y_test, (p >= 0.5).astype(int), target_names=["attend", "ufs"], digits=3))

vocab = features.named_transformers_["notes"].get_feature_names_out()
coefs = clf.coef_[0][: len(vocab)]
order = np.argsort(coefs)
print("most 'real fire' words:", ", ".join(vocab[order[:15]]))
print("most 'unwanted' words:  ", ", ".join(vocab[order[-15:]]))

joblib.dump({"features": features, "model": clf}, "models/afa_ufs_scorer.joblib")
