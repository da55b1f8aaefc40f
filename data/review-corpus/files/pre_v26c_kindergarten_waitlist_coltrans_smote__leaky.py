# label: leakage/preprocessing
"""Predict whether a family accepts an offered kindergarten place from the municipal waitlist."""
import numpy as np
import pandas as pd
from imblearn.over_sampling import SMOTE
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import RandomForestClassifier
from sklearn.impute import SimpleImputer
from sklearn.metrics import balanced_accuracy_score, f1_score, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, PowerTransformer

offers = pd.read_csv("kita_offers.csv", parse_dates=["offer_date", "application_date", "child_birth_date"])
centres = pd.read_csv("kita_centres.csv")
households = pd.read_parquet("waitlist_households.parquet")

df = offers.merge(centres, on="centre_id", how="left").merge(households, on="household_id", how="left")
df = df[df["offer_status"].isin(["accepted", "declined", "lapsed"])].copy()
df["accepted"] = (df["offer_status"] == "accepted").astype(int)
# one row per household: its first offer
df = df.sort_values("offer_date").drop_duplicates("household_id", keep="first")

df["days_waiting"] = (df["offer_date"] - df["application_date"]).dt.days
df["child_age_months"] = (df["offer_date"] - df["child_birth_date"]).dt.days / 30.44
df["hours_gap"] = df["centre_max_hours"] - df["requested_hours"]
df["is_first_choice"] = (df["centre_id"] == df["first_choice_centre_id"]).astype(int)
df["offer_month"] = df["offer_date"].dt.month.astype(str)

NUM = [
    "distance_km", "days_waiting", "child_age_months", "requested_hours", "hours_gap",
    "siblings_at_centre", "parents_work_hours", "centre_places", "monthly_fee_eur",
]
CAT = ["centre_type", "district", "home_language", "is_first_choice", "offer_month"]

X = df[NUM + CAT]
y = df["accepted"].to_numpy()

prep = ColumnTransformer([
    ("num", make_pipeline(SimpleImputer(strategy="median"), PowerTransformer()), NUM),
    ("cat", make_pipeline(SimpleImputer(strategy="most_frequent"),
                          OneHotEncoder(handle_unknown="ignore", sparse_output=False)), CAT),
])
X_all = prep.fit_transform(X)

X_train, X_test, y_train, y_test = train_test_split(
    X_all, y, test_size=0.2, stratify=y, random_state=8
)

X_res, y_res = SMOTE(k_neighbors=5, random_state=8).fit_resample(X_train, y_train)
print(f"train before SMOTE: {np.bincount(y_train)}, after: {np.bincount(y_res)}")

forest = RandomForestClassifier(n_estimators=500, min_samples_leaf=4, max_features="sqrt",
                                n_jobs=-1, random_state=8)
forest.fit(X_res, y_res)

proba = forest.predict_proba(X_test)[:, 1]
pred = (proba >= 0.5).astype(int)
print(f"Test ROC AUC:           {roc_auc_score(y_test, proba):.4f}")
print(f"Test balanced accuracy: {balanced_accuracy_score(y_test, pred):.4f}")
print(f"Test F1 (accepted):     {f1_score(y_test, pred):.4f}")
