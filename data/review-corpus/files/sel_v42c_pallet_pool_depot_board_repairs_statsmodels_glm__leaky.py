# label: leakage/selection
# Pallet pooling depot: expected number of replacement boards per returned lot.
# Used by the depot planner to order timber and roster repair benches.

import itertools

import numpy as np
import pandas as pd
import statsmodels.api as sm
import statsmodels.formula.api as smf

DATA = "exports/depot_returned_lots_2022_2024.parquet"
TEST_FROM = pd.Timestamp("2024-07-01")

FORMULAS = {
    "trip": "boards_replaced ~ np.log1p(trip_days) + pallet_age_months",
    "handling": ("boards_replaced ~ np.log1p(trip_days) + pallet_age_months"
                 " + C(return_route) + forklift_moves"),
    "storage": ("boards_replaced ~ np.log1p(trip_days) + pallet_age_months"
                " + C(return_route) + forklift_moves + wet_storage_days + C(season)"),
    "sector": ("boards_replaced ~ np.log1p(trip_days) + pallet_age_months"
               " + C(return_route) + forklift_moves + wet_storage_days + C(season)"
               " + C(customer_sector) + stack_height_max"),
}
FAMILIES = {
    "poisson": sm.families.Poisson(),
    "negbin": sm.families.NegativeBinomial(alpha=0.4),
}


def load_lots(path):
    lots = pd.read_parquet(path)
    lots["received_at"] = pd.to_datetime(lots["received_at"])
    lots = lots[lots["n_pallets"] > 0].copy()
    lots["season"] = lots["received_at"].dt.quarter.map({1: "winter", 2: "spring", 3: "summer", 4: "autumn"})
    lots["wet_storage_days"] = lots["wet_storage_days"].fillna(0)
    lots["return_route"] = lots["return_route"].fillna("direct")
    return lots.sort_values("received_at").reset_index(drop=True)


def fit_glm(formula, family, frame):
    model = smf.glm(formula, data=frame, family=family, offset=np.log(frame["n_pallets"]))
    return model.fit()


def mean_abs_error(result, frame):
    expected = result.predict(frame, offset=np.log(frame["n_pallets"]))
    return float(np.mean(np.abs(frame["boards_replaced"] - expected)))


lots = load_lots(DATA)
train = lots[lots["received_at"] < TEST_FROM]
test = lots[lots["received_at"] >= TEST_FROM]
print(f"lots: train={len(train)} test={len(test)}")
print(f"boards per pallet (train): {train['boards_replaced'].sum() / train['n_pallets'].sum():.3f}")

scores = []
for (name, formula), (fam_name, family) in itertools.product(FORMULAS.items(), FAMILIES.items()):
    result = fit_glm(formula, family, train)
    mae = mean_abs_error(result, test)
    scores.append({"formula": name, "family": fam_name, "aic": result.aic, "mae": mae})
    print(f"{name:>9s} / {fam_name:<8s} AIC={result.aic:10.1f}  MAE={mae:.3f}")

scores = pd.DataFrame(scores).sort_values("mae")
best = scores.iloc[0]
print(f"\nselected: {best['formula']} with {best['family']} family")

final = fit_glm(FORMULAS[best["formula"]], FAMILIES[best["family"]], train)
print(final.summary())

test_mae = mean_abs_error(final, test)
expected_total = final.predict(test, offset=np.log(test["n_pallets"])).sum()
print(f"\nTest MAE per lot: {test_mae:.3f} boards")
print(f"Test total boards: expected {expected_total:.0f} vs actual {test['boards_replaced'].sum()}")
