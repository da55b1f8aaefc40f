# label: leakage/none
"""Predict whether a café espresso machine needs another technician call-out within 90 days of a service visit."""
import numpy as np
import pandas as pd
from catboost import CatBoostClassifier
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import GroupShuffleSplit

visits = pd.read_csv("service_visits.csv", parse_dates=["visit_date"])
machines = pd.read_csv("machine_register.csv", parse_dates=["installed_on"])
DATA_END = visits["visit_date"].max()

df = visits.merge(machines, on="machine_id", how="inner")
df = df.sort_values(["machine_id", "visit_date"]).reset_index(drop=True)

# label: next call-out for the same machine within 90 days
df["next_visit"] = df.groupby("machine_id")["visit_date"].shift(-1)
df["gap_days"] = (df["next_visit"] - df["visit_date"]).dt.days
df["revisit_90d"] = (df["gap_days"] <= 90).astype(int)
# visits too recent to know the outcome
df = df[df["next_visit"].notna() | (df["visit_date"] <= DATA_END - pd.Timedelta(days=90))].copy()

df["machine_age_months"] = (df["visit_date"] - df["installed_on"]).dt.days / 30.4
df["hardness_x_shots"] = df["water_hardness_dh"] * df["shots_per_day"] / 100
df["visit_month"] = df["visit_date"].dt.month
df["emergency"] = (df["visit_type"] == "breakdown").astype(int)

# machine service history up to and including this visit
g = df.groupby("machine_id")
df["visits_so_far"] = g.cumcount() + 1
df["parts_so_far"] = g["parts_replaced"].cumsum()
df["breakdowns_so_far"] = g["emergency"].cumsum()
df["parts_per_visit"] = df["parts_so_far"] / df["visits_so_far"]

FEATURES = ["machine_model", "cafe_segment", "region", "filter_type", "visit_type",
            "machine_age_months", "shots_per_day", "water_hardness_dh", "hardness_x_shots",
            "boiler_pressure_bar", "group_heads", "parts_replaced", "descaled", "labour_min",
            "visit_month", "visits_so_far", "parts_so_far", "breakdowns_so_far", "parts_per_visit"]
CAT_FEATURES = ["machine_model", "cafe_segment", "region", "filter_type", "visit_type"]
for c in CAT_FEATURES:
    df[c] = df[c].fillna("unknown").astype(str)

gss = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=13)
tr, te = next(gss.split(df, groups=df["machine_id"]))
train, test = df.iloc[tr], df.iloc[te]
print(f"train {len(train)} visits / {train['machine_id'].nunique()} machines, "
      f"test {len(test)} visits / {test['machine_id'].nunique()} machines, "
      f"base rate {train['revisit_90d'].mean():.3f}")

model = CatBoostClassifier(iterations=800, depth=6, learning_rate=0.04, l2_leaf_reg=5,
                           loss_function="Logloss", random_seed=13, verbose=200)
model.fit(train[FEATURES], train["revisit_90d"], cat_features=CAT_FEATURES)

p = model.predict_proba(test[FEATURES])[:, 1]
print(f"ROC AUC {roc_auc_score(test['revisit_90d'], p):.3f}")
print(f"PR AUC  {average_precision_score(test['revisit_90d'], p):.3f}")

# technicians can schedule a preventive check for the top decile
top = p >= np.quantile(p, 0.9)
print(f"top decile revisit rate {test['revisit_90d'].to_numpy()[top].mean():.3f}")
print(pd.Series(model.get_feature_importance(), index=FEATURES).sort_values(ascending=False).head(8).round(2))
