# label: leakage/target
# Prepayment energy meters: at each month end, flag households likely to self-disconnect
# (run out of credit for 1+ day) during the next month, for the vulnerability outreach team.
import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

monthly = pd.read_parquet("data/prepay/meter_month_summary.parquet")
households = pd.read_csv("data/prepay/household_profile.csv")
weather = pd.read_csv("data/prepay/regional_hdd_monthly.csv")

monthly["month"] = pd.to_datetime(monthly["month"]).dt.to_period("M")
weather["month"] = pd.to_datetime(weather["month"]).dt.to_period("M")
df = (
    monthly.merge(households, on="meter_id", how="left")
    .merge(weather, on=["region", "month"], how="left")
    .sort_values(["meter_id", "month"])
    .reset_index(drop=True)
)

g = df.groupby("meter_id")
df["sd_next_month"] = (g["self_disconnect_days"].shift(-1) > 0).astype(float)
df.loc[g.cumcount(ascending=False) == 0, "sd_next_month"] = np.nan

# month-on-month movement in top-up behaviour
df["topup_count_change"] = g["n_topups"].diff(-1)
df["topup_spend_change"] = g["topup_spend_gbp"].diff(-1)
df["emergency_credit_3m"] = g["emergency_credit_uses"].transform(lambda s: s.rolling(3, min_periods=1).sum())
df["debt_recovery_share"] = df["debt_recovery_gbp"] / df["topup_spend_gbp"].replace(0, np.nan)
df["had_sd_this_month"] = (df["self_disconnect_days"] > 0).astype(int)

num_cols = [
    "n_topups", "topup_spend_gbp", "mean_topup_gbp", "emergency_credit_uses",
    "emergency_credit_3m", "debt_recovery_share", "had_sd_this_month", "hdd",
    "topup_count_change", "topup_spend_change", "occupants", "property_epc_score",
]
cat_cols = ["tariff", "fuel", "region", "payment_channel"]
df = df.dropna(subset=num_cols + cat_cols + ["sd_next_month"])

train = df[df["month"] <= pd.Period("2023-11", "M")]
test = df[df["month"] >= pd.Period("2024-01", "M")]
print(f"train meter-months {len(train):,}, test {len(test):,}, base rate {train['sd_next_month'].mean():.3f}")

pre = ColumnTransformer([
    ("num", StandardScaler(), num_cols),
    ("cat", OneHotEncoder(handle_unknown="ignore"), cat_cols),
])
clf = Pipeline([
    ("pre", pre),
    ("lr", LogisticRegression(C=0.5, class_weight="balanced", max_iter=2000)),
])
clf.fit(train[num_cols + cat_cols], train["sd_next_month"])

p = clf.predict_proba(test[num_cols + cat_cols])[:, 1]
print(f"ROC AUC: {roc_auc_score(test['sd_next_month'], p):.3f}")
print(f"PR AUC:  {average_precision_score(test['sd_next_month'], p):.3f}")

# outreach capacity is about 5% of meters per month
out = test.assign(p=p)
out["rank_pct"] = out.groupby("month")["p"].rank(ascending=False, pct=True)
hit = out[out["rank_pct"] <= 0.05]
print(hit.groupby("month")["sd_next_month"].agg(["size", "mean"]).round(3))

coef = pd.Series(clf.named_steps["lr"].coef_[0], index=clf.named_steps["pre"].get_feature_names_out())
print(coef.sort_values().round(3).tail(10))
