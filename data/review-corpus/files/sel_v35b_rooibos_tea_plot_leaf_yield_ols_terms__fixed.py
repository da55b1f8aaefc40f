# label: leakage/none
import numpy as np
import pandas as pd
import statsmodels.formula.api as smf
from sklearn.model_selection import GroupKFold

# Cederberg rooibos plots, one row per plot per harvest season
plots = pd.read_csv("data/rooibos_plot_seasons.csv")
plots = plots.dropna(subset=["leaf_yield_kg_ha", "winter_rain_mm", "plant_age_yrs"])
plots = plots[plots["leaf_yield_kg_ha"] > 0]

plots["log_yield"] = np.log(plots["leaf_yield_kg_ha"])
plots["rain_100mm"] = plots["winter_rain_mm"] / 100.0
plots["heat_days"] = plots["days_above_35c"].fillna(0)
plots["age_sq"] = plots["plant_age_yrs"] ** 2
plots["sandy"] = (plots["soil_class"] == "sand").astype(int)

train = plots[plots["season"] <= 2020].reset_index(drop=True)
test = plots[plots["season"] > 2020].reset_index(drop=True)
print(f"train seasons {train.season.min()}-{train.season.max()}: {len(train)} plot-seasons")
print(f"test seasons  {test.season.min()}-{test.season.max()}: {len(test)} plot-seasons")

CANDIDATES = {
    "base": "log_yield ~ rain_100mm + plant_age_yrs + sandy",
    "age_curve": "log_yield ~ rain_100mm + plant_age_yrs + age_sq + sandy",
    "heat": "log_yield ~ rain_100mm + plant_age_yrs + age_sq + sandy + heat_days",
    "rain_x_soil": "log_yield ~ rain_100mm * sandy + plant_age_yrs + age_sq + heat_days",
    "slope_aspect": (
        "log_yield ~ rain_100mm * sandy + plant_age_yrs + age_sq + heat_days"
        " + slope_deg + C(aspect)"
    ),
    "full": (
        "log_yield ~ rain_100mm * sandy + plant_age_yrs + age_sq + heat_days"
        " + slope_deg + C(aspect) + C(cultivation) + fynbos_buffer_m"
    ),
}


def score_formula(formula, fit_rows, eval_rows):
    res = smf.ols(formula, data=fit_rows).fit()
    # back to kg/ha with the smearing factor
    smear = np.mean(np.exp(res.resid))
    pred = np.exp(res.predict(eval_rows)) * smear
    return float(np.sqrt(np.mean((eval_rows["leaf_yield_kg_ha"] - pred) ** 2)))


folds = list(GroupKFold(n_splits=5).split(train, groups=train["plot_id"]))

scores = {}
for name, formula in CANDIDATES.items():
    scores[name] = np.mean(
        [score_formula(formula, train.iloc[a], train.iloc[b]) for a, b in folds]
    )
    print(f"{name:<13} rmse={scores[name]:8.1f} kg/ha")

best = min(scores, key=scores.get)
final = smf.ols(CANDIDATES[best], data=train).fit()
print(final.summary())

smear = np.mean(np.exp(final.resid))
test["pred_kg_ha"] = np.exp(final.predict(test)) * smear
err = test["leaf_yield_kg_ha"] - test["pred_kg_ha"]
print(f"chosen terms: {best}")
print(f"test RMSE: {np.sqrt(np.mean(err ** 2)):.1f} kg/ha")
print(f"test MAPE: {np.mean(np.abs(err) / test['leaf_yield_kg_ha']) * 100:.1f}%")
print(test.groupby("season")[["leaf_yield_kg_ha", "pred_kg_ha"]].mean().round(0))
