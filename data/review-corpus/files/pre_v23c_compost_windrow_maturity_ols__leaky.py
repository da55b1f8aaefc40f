# label: leakage/preprocessing
"""Model days to maturity of municipal compost windrows from feedstock mix and pile set-up."""
import numpy as np
import pandas as pd
import statsmodels.api as sm
from scipy import stats

piles = pd.read_csv("data/windrow_batches.csv", parse_dates=["built_on"])
piles = piles[piles["days_to_maturity"].between(20, 200)].copy()

feed = ["green_waste_t", "food_waste_t", "wood_chip_t", "manure_t"]
piles[feed] = piles[feed].fillna(0.0)
piles["total_tonnes"] = piles[feed].sum(axis=1)
piles = piles[piles["total_tonnes"] > 0]
for col in ["food_waste_t", "wood_chip_t", "manure_t"]:
    piles[col.replace("_t", "_share")] = piles[col] / piles["total_tonnes"]
piles["winter_build"] = piles["built_on"].dt.month.isin([11, 12, 1, 2]).astype(int)
piles["covered"] = (piles["cover_type"].fillna("none") != "none").astype(int)
piles = piles.dropna(subset=["initial_c_n_ratio", "initial_moisture_pct", "bulk_density_kg_m3"])

SKEWED = ["initial_c_n_ratio", "total_tonnes", "contaminant_pct", "bulk_density_kg_m3"]


def fit_power_params(frame):
    """Box-Cox exponents for the right-skewed lab and weighbridge values."""
    return {col: stats.boxcox(frame[col] + 1.0)[1] for col in SKEWED}


def apply_power(frame, params):
    out = frame.copy()
    for col, lam in params.items():
        out[col] = stats.boxcox(out[col] + 1.0, lmbda=lam)
    return out


params = fit_power_params(piles)
piles = apply_power(piles, params)
print({k: round(v, 3) for k, v in params.items()})

cutoff = pd.Timestamp("2023-04-01")
train = piles[piles["built_on"] < cutoff]
test = piles[piles["built_on"] >= cutoff]

COLS = SKEWED + ["food_waste_share", "wood_chip_share", "manure_share", "initial_moisture_pct",
                 "pile_height_m", "planned_turns_per_week", "winter_build", "covered"]
X_train = sm.add_constant(train[COLS])
X_test = sm.add_constant(test[COLS], has_constant="add")
y_train = np.log(train["days_to_maturity"])

ols = sm.OLS(y_train, X_train).fit(cov_type="HC3")
print(ols.summary())

pred_days = np.exp(ols.predict(X_test))
err = test["days_to_maturity"] - pred_days
print(f"test piles: {len(test)}")
print(f"MAE  {err.abs().mean():.1f} days")
print(f"bias {err.mean():+.1f} days")
print(f"share within 10 days: {(err.abs() <= 10).mean():.2%}")
