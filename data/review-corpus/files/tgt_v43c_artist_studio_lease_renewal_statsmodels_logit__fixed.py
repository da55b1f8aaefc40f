# label: leakage/none
# Converted mill artist studios: probability that a tenant renews when the annual licence
# comes up, from the tenancy database. Used to plan the waiting-list offers each quarter.
import numpy as np
import pandas as pd
import statsmodels.formula.api as smf
from sklearn.metrics import log_loss, roc_auc_score

tenancies = pd.read_csv("tenancy_db/licence_terms.csv", parse_dates=["term_start", "term_end"])
tenancies = tenancies[tenancies["term_end"] <= "2024-12-31"].copy()

tenancies["renewed"] = tenancies["outcome"].eq("renewed").astype(int)
tenancies["years_in_building"] = tenancies["years_in_building"].clip(upper=15)
tenancies["rent_per_m2"] = tenancies["monthly_rent"] / tenancies["studio_m2"]
tenancies["rent_rise_pct"] = 100 * (tenancies["offered_rent"] / tenancies["monthly_rent"] - 1)
tenancies["log_commute_km"] = np.log1p(tenancies["home_distance_km"])
tenancies["north_light"] = tenancies["window_aspect"].eq("north").astype(int)
tenancies["discipline"] = tenancies["discipline"].replace(
    {"printmaking": "print", "screen printing": "print", "photography": "lens", "film": "lens"}
)

formula = (
    "renewed ~ years_in_building + rent_per_m2 + rent_rise_pct + studio_m2"
    " + log_commute_km + north_light + open_studios_last_year + arrears_months_at_offer"
    " + shared_studio + C(discipline)"
)

train = tenancies[tenancies["term_end"] < "2023-01-01"]
test = tenancies[tenancies["term_end"] >= "2023-01-01"]
print(f"terms: train {len(train)}, test {len(test)}")

fit = smf.logit(formula, data=train).fit(disp=False, maxiter=200)
print(fit.summary())

p_test = fit.predict(test)
print(f"\nrenewal rate (test): {test['renewed'].mean():.3f}")
print(f"ROC AUC:  {roc_auc_score(test['renewed'], p_test):.3f}")
print(f"log loss: {log_loss(test['renewed'], p_test):.3f}")

odds = pd.DataFrame({
    "odds_ratio": np.exp(fit.params),
    "low": np.exp(fit.conf_int()[0]),
    "high": np.exp(fit.conf_int()[1]),
}).round(3)
print(odds.drop(index="Intercept"))

bands = pd.cut(p_test, [0, 0.5, 0.7, 0.85, 1.0])
print(test.assign(band=bands).groupby("band", observed=True)["renewed"].agg(["mean", "size"]))
