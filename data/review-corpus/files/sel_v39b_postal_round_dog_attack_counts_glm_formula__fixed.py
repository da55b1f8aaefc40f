# label: leakage/none
"""Monthly dog-attack reports per postal delivery round.

Poisson GLM with an exposure offset (delivery days in the month). Several
candidate specifications are compared and the chosen one is reported.
"""
import numpy as np
import pandas as pd
import statsmodels.api as sm
import statsmodels.formula.api as smf
from sklearn.metrics import mean_absolute_error, mean_poisson_deviance

CANDIDATES = {
    "base": "attacks ~ np.log1p(households) + detached_share",
    "dogs": "attacks ~ np.log1p(households) + detached_share + dog_licences_per_1k",
    "dogs_season": ("attacks ~ np.log1p(households) + detached_share"
                    " + dog_licences_per_1k + C(season)"),
    "full": ("attacks ~ np.log1p(households) + detached_share"
             " + dog_licences_per_1k + C(season) + rural + walk_km"
             " + new_starter_share"),
    "full_interact": ("attacks ~ np.log1p(households) + detached_share"
                      " + dog_licences_per_1k * rural + C(season) + walk_km"
                      " + new_starter_share"),
}


def load_rounds(path):
    df = pd.read_csv(path, parse_dates=["month"])
    df = df[df["delivery_days"] > 0].copy()
    df["season"] = df["month"].dt.month.map(
        {12: "winter", 1: "winter", 2: "winter", 3: "spring", 4: "spring",
         5: "spring", 6: "summer", 7: "summer", 8: "summer", 9: "autumn",
         10: "autumn", 11: "autumn"})
    df["rural"] = (df["round_type"] == "rural").astype(int)
    df["log_days"] = np.log(df["delivery_days"])
    return df.sort_values(["month", "round_id"]).reset_index(drop=True)


def fit_glm(formula, data):
    return smf.glm(formula, data=data, family=sm.families.Poisson(),
                   offset=data["log_days"]).fit()


def score(model, data):
    mu = model.predict(data, offset=data["log_days"])
    return mean_poisson_deviance(data["attacks"], mu), mean_absolute_error(data["attacks"], mu)


def main():
    rounds = load_rounds("delivery_round_months.csv")
    cutoff = pd.Timestamp("2023-07-01")
    train = rounds[rounds["month"] < cutoff]
    test = rounds[rounds["month"] >= cutoff]
    print(f"train months: {train['month'].nunique()}, test months: {test['month'].nunique()}")
    val_start = cutoff - pd.DateOffset(months=12)
    fit_part = train[train["month"] < val_start]
    val_part = train[train["month"] >= val_start]

    results = {}
    for name, formula in CANDIDATES.items():
        model = fit_glm(formula, fit_part)
        dev, mae = score(model, val_part)
        results[name] = (dev, mae, model.aic)
        print(f"{name:14s} deviance={dev:.4f} MAE={mae:.3f} AIC={model.aic:.1f}")

    best = min(results, key=lambda k: results[k][0])
    final = fit_glm(CANDIDATES[best], train)
    dev, mae = score(final, test)
    print(f"\nselected specification: {best}")
    print(final.summary().tables[1])
    print(f"held-out mean Poisson deviance: {dev:.4f}")
    print(f"held-out MAE (attacks per round-month): {mae:.3f}")

    rate_ratios = np.exp(final.params).rename("rate_ratio")
    print(rate_ratios.round(3))


if __name__ == "__main__":
    main()
