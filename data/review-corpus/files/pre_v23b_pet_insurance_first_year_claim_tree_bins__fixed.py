# label: leakage/none
"""Predict whether a new pet insurance policy has a claim in its first year with XGBoost."""
import numpy as np
import pandas as pd
from imblearn.pipeline import Pipeline
from imblearn.under_sampling import RandomUnderSampler
from sklearn.compose import ColumnTransformer
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import OneHotEncoder
from sklearn.tree import DecisionTreeClassifier
from xgboost import XGBClassifier

policies = pd.read_csv("pet_policies_2021_2023.csv", parse_dates=["start_date"])
breeds = pd.read_csv("breed_groups.csv")  # breed, breed_group, size_class
policies = policies.merge(breeds, on="breed", how="left")
policies = policies[policies["pet_age_years"].between(0, 25)]

policies["breed_group"] = policies["breed_group"].fillna("mixed")
policies["size_class"] = policies["size_class"].fillna("medium")
policies["prior_vet_visits"] = policies["prior_vet_visits"].fillna(0)
policies["excess_to_premium"] = policies["excess_gbp"] / policies["annual_premium_gbp"]
policies["start_quarter"] = policies["start_date"].dt.quarter.astype(str)


def age_bin_edges(age, outcome, max_bins=6):
    """Cut points for pet age taken from a shallow tree on the outcome."""
    tree = DecisionTreeClassifier(max_leaf_nodes=max_bins, min_samples_leaf=200, random_state=0)
    tree.fit(age.to_frame(), outcome)
    cuts = tree.tree_.threshold[tree.tree_.feature == 0]
    return np.sort(cuts)


train_df, test_df = train_test_split(policies, test_size=0.2, stratify=policies["claim_first_year"],
                                     random_state=30)
edges = age_bin_edges(train_df["pet_age_years"], train_df["claim_first_year"])
train_df = train_df.assign(age_band=np.digitize(train_df["pet_age_years"], edges).astype(str))
test_df = test_df.assign(age_band=np.digitize(test_df["pet_age_years"], edges).astype(str))
print("age cut points:", np.round(edges, 2))

cat_cols = ["species", "breed_group", "size_class", "region", "cover_level", "age_band", "start_quarter"]
num_cols = ["pet_age_years", "prior_vet_visits", "excess_gbp", "annual_premium_gbp",
            "excess_to_premium", "neutered", "microchipped", "multi_pet"]

X_train, y_train = train_df[cat_cols + num_cols], train_df["claim_first_year"].astype(int)
X_test, y_test = test_df[cat_cols + num_cols], test_df["claim_first_year"].astype(int)

prep = ColumnTransformer([
    ("cat", OneHotEncoder(handle_unknown="ignore", min_frequency=20), cat_cols),
    ("num", "passthrough", num_cols),
])
pipe = Pipeline([
    ("prep", prep),
    ("under", RandomUnderSampler(sampling_strategy=0.5, random_state=0)),
    ("xgb", XGBClassifier(n_estimators=400, max_depth=4, learning_rate=0.05, subsample=0.8,
                          colsample_bytree=0.8, eval_metric="logloss", random_state=0)),
])
pipe.fit(X_train, y_train)

prob = pipe.predict_proba(X_test)[:, 1]
print(f"test ROC AUC: {roc_auc_score(y_test, prob):.4f}")
print(f"test average precision: {average_precision_score(y_test, prob):.4f}")
by_band = pd.DataFrame({"band": X_test["age_band"], "claim": y_test, "p": prob})
print(by_band.groupby("band").agg(n=("claim", "size"), rate=("claim", "mean"), mean_p=("p", "mean")))
