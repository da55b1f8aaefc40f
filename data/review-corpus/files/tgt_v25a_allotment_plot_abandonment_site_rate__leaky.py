# label: leakage/target
"""Predict which new allotment tenancies are given up within the first growing season."""
import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.metrics import log_loss, roc_auc_score

tenancies = pd.read_csv("tenancies.csv", parse_dates=["start_date"])
sites = pd.read_csv("allotment_sites.csv")
waiting = pd.read_csv("waiting_list_snapshots.csv", parse_dates=["snapshot_date"])

df = tenancies.merge(sites[["site_id", "ward", "water_points", "has_toilet", "plot_rent_gbp"]],
                     on="site_id", how="left")
df = df[df["start_date"] >= "2016-01-01"].copy()
df["start_month"] = df["start_date"].dt.month
df["half_plot"] = (df["plot_size_m2"] < 150).astype(int)
df["distance_km"] = df["distance_km"].clip(upper=25)
df["first_tenancy"] = (df["previous_tenancies"] == 0).astype(int)

# waiting-list length at the site when the tenancy began
waiting = waiting.sort_values("snapshot_date")
df = df.sort_values("start_date")
df = pd.merge_asof(df, waiting[["snapshot_date", "site_id", "list_length"]],
                   left_on="start_date", right_on="snapshot_date", by="site_id",
                   direction="backward")
df["list_length"] = df["list_length"].fillna(0)

# how often tenancies at this site are given up
df["site_giveup_rate"] = df.groupby("site_id")["gave_up"].transform("mean")
df["site_tenancies"] = df.groupby("site_id")["gave_up"].transform("size")

features = ["start_month", "half_plot", "plot_size_m2", "distance_km", "first_tenancy",
            "water_points", "has_toilet", "plot_rent_gbp", "list_length", "overgrown_at_start",
            "site_giveup_rate", "site_tenancies", "age_band", "ward"]
for col in ["age_band", "ward"]:
    df[col] = df[col].astype("category")

cutoff = pd.Timestamp("2022-01-01")
train = df[df["start_date"] < cutoff]
test = df[df["start_date"] >= cutoff]

model = lgb.LGBMClassifier(n_estimators=500, learning_rate=0.03, num_leaves=15,
                           min_child_samples=40, reg_lambda=1.0, verbose=-1, random_state=2)
model.fit(train[features], train["gave_up"])
p = model.predict_proba(test[features])[:, 1]
print(f"tenancies: train={len(train)}  test={len(test)}")
print(f"AUC      = {roc_auc_score(test['gave_up'], p):.4f}")
print(f"log loss = {log_loss(test['gave_up'], p):.4f}")
gain = pd.Series(model.booster_.feature_importance("gain"), index=features)
print((gain / gain.sum()).sort_values(ascending=False).round(3).head(8))
print("predicted give-ups next season:", int(np.round(p.sum())))
