# label: leakage/none
"""Predict which food bank households will need an emergency parcel in the next quarter."""
import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.model_selection import GroupKFold, cross_validate
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OrdinalEncoder

records = pd.read_csv("foodbank_quarterly_records.csv")
referrals = pd.read_csv("referral_vouchers.csv", parse_dates=["issued_on"])
households = pd.read_csv("households.csv", parse_dates=["first_registered"])

df = (
    records.merge(referrals, on="referral_id", how="left")
    .merge(households, on="household_id", how="left")
)
df = df[df["quarter_complete"] == 1].copy()

df["quarter_start"] = pd.PeriodIndex(df["quarter"], freq="Q").start_time
df["months_registered"] = (df["quarter_start"] - df["first_registered"]).dt.days / 30.4
df["children_share"] = df["children_under_16"] / df["household_size"].clip(lower=1)
df["parcels_per_person"] = df["parcels_this_quarter"] / df["household_size"].clip(lower=1)
df["benefit_delay"] = df["referral_reason"].eq("benefit_delay").astype(int)
df["winter_quarter"] = df["quarter_start"].dt.month.isin([10, 1]).astype(int)

numeric = [
    "household_size", "children_share", "adults_working", "distance_km", "months_registered",
    "parcels_this_quarter", "parcels_per_person", "benefit_delay", "winter_quarter",
]
categorical = ["housing_status", "income_band", "referral_agency", "site_id"]

X = df[numeric + categorical]
y = df["emergency_next_quarter"].astype(int)
print(f"{len(df)} household-quarters, {df['referral_id'].nunique()} referrals, "
      f"{df['household_id'].nunique()} households; positive rate {y.mean():.1%}")

prep = ColumnTransformer(
    [("cat", OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=-1,
                            encoded_missing_value=-1), categorical)],
    remainder="passthrough",
)
model = Pipeline([
    ("prep", prep),
    ("clf", HistGradientBoostingClassifier(
        learning_rate=0.05, max_iter=300, max_leaf_nodes=31, l2_regularization=1.0,
        categorical_features=list(range(len(categorical))), class_weight="balanced",
        random_state=5,
    )),
])

cv = GroupKFold(n_splits=5)
scores = cross_validate(
    model, X, y, groups=df["household_id"], cv=cv,
    scoring={"auc": "roc_auc", "ap": "average_precision", "bal_acc": "balanced_accuracy"},
)

table = pd.DataFrame({k.replace("test_", ""): v for k, v in scores.items() if k.startswith("test_")})
table.index = [f"fold {i + 1}" for i in range(len(table))]
print(table.round(3))
for metric in ["auc", "ap", "bal_acc"]:
    vals = scores[f"test_{metric}"]
    print(f"{metric:>8}: {np.mean(vals):.3f} +/- {np.std(vals):.3f}")
