# label: leakage/target
"""Monthly made-tea yield per field section on a highland tea estate.

Section-months from the estate's field register, joined with the rain gauge
network. A k-means "growing regime" label is added as a feature.
"""
import numpy as np
import pandas as pd
import matplotlib.pyplot as plt
from sklearn.cluster import KMeans
from sklearn.preprocessing import StandardScaler
from sklearn.ensemble import RandomForestRegressor
from sklearn.metrics import mean_absolute_error, r2_score

TARGET = "made_tea_kg_ha"
TEST_YEAR = 2023
N_REGIMES = 6


def load_register():
    reg = pd.read_csv("data/field_register_monthly.csv", parse_dates=["month"])
    rain = pd.read_csv("data/rain_gauges_monthly.csv", parse_dates=["month"])
    df = reg.merge(rain, on=["gauge_id", "month"], how="left").sort_values(["section_id", "month"])
    df["year"] = df["month"].dt.year
    df["month_no"] = df["month"].dt.month
    df["months_since_prune"] = (
        (df["month"].dt.year - df["last_prune_year"]) * 12 + df["month"].dt.month - df["last_prune_month"]
    )
    df["rain_prev_month"] = df.groupby("section_id")["rain_mm"].shift(1)
    df["n_applied_kg_ha"] = df["n_applied_kg_ha"].fillna(0)
    keep = [
        "section_id", "month", "year", "month_no", "last_prune_year", "last_prune_month",
        "altitude_m", "bush_age_years", "clone_share_pct", "slope_pct", "n_applied_kg_ha",
        "rain_mm", "rain_prev_month", "rain_days", "tmax_c", "tmin_c", "sunshine_h",
        "plucking_round_days", "months_since_prune", TARGET,
    ]
    return df.loc[:, keep].dropna(subset=["rain_mm", "rain_prev_month", TARGET])


def regime_features(train, test, cols, k=N_REGIMES):
    scaler = StandardScaler().fit(train[cols])
    km = KMeans(n_clusters=k, n_init=10, random_state=0).fit(scaler.transform(train[cols]))
    out = []
    for part in (train, test):
        part = part.copy()
        part["regime"] = km.predict(scaler.transform(part[cols]))
        out.append(pd.get_dummies(part, columns=["regime"], prefix="reg", dtype=float))
    return out[0], out[1].reindex(columns=out[0].columns, fill_value=0.0)


df = load_register()
print(df.groupby("year")[TARGET].describe()[["count", "mean", "std"]])

NUMERIC = df.select_dtypes("number").columns.drop(["year", "last_prune_year", "last_prune_month"])
train = df[df["year"] < TEST_YEAR]
test = df[df["year"] == TEST_YEAR]
train, test = regime_features(train, test, NUMERIC)

features = [c for c in train.columns if c in NUMERIC or c.startswith("reg_")]
features = [c for c in features if c != TARGET]

rf = RandomForestRegressor(n_estimators=600, min_samples_leaf=4, max_features=0.5, n_jobs=-1, random_state=7)
rf.fit(train[features], train[TARGET])
pred = rf.predict(test[features])

print(f"{TEST_YEAR}: MAE {mean_absolute_error(test[TARGET], pred):.1f} kg/ha, R2 {r2_score(test[TARGET], pred):.3f}")
monthly = test.assign(pred=pred).groupby("month_no")[[TARGET, "pred"]].sum()
monthly.plot(marker="o", figsize=(8, 3.5), title=f"estate total, {TEST_YEAR}")
plt.ylabel("kg/ha (sum of sections)")
plt.tight_layout()
plt.savefig("figures/tea_yield_monthly.png")
