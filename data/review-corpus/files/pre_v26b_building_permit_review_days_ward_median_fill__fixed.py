# label: leakage/none
"""Predict how many days the city takes to decide a building permit application."""
import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.metrics import mean_absolute_error, median_absolute_error
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OrdinalEncoder

FILL_COLS = ["floor_area_m2", "storeys", "declared_value"]
CATEGORICAL = ["ward", "permit_type", "applicant_kind"]
NUMERIC = FILL_COLS + ["num_drawings", "num_prior_permits", "heritage_zone",
                       "app_month", "app_weekday"]

permits = pd.read_csv("building_permits.csv", parse_dates=["applied_on", "decided_on"])
applicants = pd.read_csv("applicants.csv")

df = permits.merge(applicants[["applicant_id", "applicant_kind", "num_prior_permits"]],
                   on="applicant_id", how="left")
df = df[df["decided_on"].notna() & df["status"].isin(["approved", "refused"])].copy()
df["review_days"] = (df["decided_on"] - df["applied_on"]).dt.days
df = df[df["review_days"].between(0, 720)]

df["app_month"] = df["applied_on"].dt.month
df["app_weekday"] = df["applied_on"].dt.weekday
df["heritage_zone"] = df["heritage_zone"].fillna(0).astype(int)
df["applicant_kind"] = df["applicant_kind"].fillna("individual")
df["num_prior_permits"] = df["num_prior_permits"].fillna(0)
df.loc[df["declared_value"] <= 0, "declared_value"] = np.nan
df.loc[df["floor_area_m2"] <= 0, "floor_area_m2"] = np.nan

cutoff = pd.Timestamp("2023-07-01")
train = df[(df["applied_on"] < cutoff) & (df["decided_on"] < cutoff)].copy()
test = df[df["applied_on"] >= cutoff].copy()

# fill gaps in the size fields with the typical value for that ward and permit type
for col in FILL_COLS:
    medians = train.groupby(["ward", "permit_type"])[col].median().rename("group_median")
    overall = train[col].median()
    for part in (train, test):
        group_median = part[["ward", "permit_type"]].join(medians, on=["ward", "permit_type"])["group_median"]
        part[col] = part[col].fillna(group_median).fillna(overall)
print(f"train {len(train)} permits, test {len(test)} permits")

prep = ColumnTransformer([
    ("cat", OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=-1), CATEGORICAL),
    ("num", "passthrough", NUMERIC),
])
model = Pipeline([
    ("prep", prep),
    ("hgb", HistGradientBoostingRegressor(
        loss="absolute_error", learning_rate=0.05, max_iter=500, max_leaf_nodes=31,
        categorical_features=list(range(len(CATEGORICAL))), random_state=17)),
])
model.fit(train[CATEGORICAL + NUMERIC], np.log1p(train["review_days"]))
pred = np.expm1(model.predict(test[CATEGORICAL + NUMERIC]))

print(f"MAE {mean_absolute_error(test['review_days'], pred):.1f} days, "
      f"median AE {median_absolute_error(test['review_days'], pred):.1f} days")
summary = test.assign(pred=pred).groupby("permit_type").apply(
    lambda g: pd.Series({"n": len(g), "actual_median": g["review_days"].median(),
                         "mae": np.mean(np.abs(g["review_days"] - g["pred"]))}))
print(summary.round(1))
