# label: leakage/none
# twin: tgt_household_energy_bill_ols__leaky.py
# source: hand-written for ai-ci held-out v6 (Apache-2.0)
"""Annual electricity use per household from the 2023 housing-stock survey."""
import csv

import numpy as np
import statsmodels.api as sm

PREDICTORS = ["floor_area_m2", "occupants", "heating_degree_days", "has_heat_pump",
              "has_ev", "build_year"]
TARGET = "annual_kwh"


def read_rows(path):
    rows = []
    with open(path, newline="") as fh:
        for rec in csv.DictReader(fh):
            if not rec[TARGET]:
                continue
            rows.append({k: float(rec[k]) for k in PREDICTORS + [TARGET]})
    return rows


rows = read_rows("survey/housing_stock_2023.csv")
X = np.array([[r[p] for p in PREDICTORS] for r in rows])
y = np.array([r[TARGET] for r in rows])

rng = np.random.default_rng(7)
order = rng.permutation(len(y))
n_train = int(0.8 * len(y))
tr, te = order[:n_train], order[n_train:]

ols = sm.OLS(y[tr], sm.add_constant(X[tr])).fit()
print(ols.summary(xname=["const"] + PREDICTORS))

pred = ols.predict(sm.add_constant(X[te]))
rmse = float(np.sqrt(np.mean((pred - y[te]) ** 2)))
r2 = 1 - np.sum((pred - y[te]) ** 2) / np.sum((y[te] - y[te].mean()) ** 2)
print(f"hold-out RMSE {rmse:.0f} kWh, R2 {r2:.3f}")
