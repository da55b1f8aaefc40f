# label: leakage/selection
# twin: sel_statsmodels_glm_family_deviance__fixed.py
# source: hand-written for ai-ci held-out v6 (Apache-2.0)
import numpy as np
import pandas as pd
import statsmodels.api as sm
import statsmodels.formula.api as smf
from sklearn.metrics import mean_poisson_deviance

FORMULA = "claim_count ~ C(vehicle_class) + driver_age + C(region) + np.log(vehicle_value) + bonus_malus"

FAMILIES = {
    "poisson": sm.families.Poisson(),
    "negbin": sm.families.NegativeBinomial(alpha=0.8),
    "tweedie": sm.families.Tweedie(var_power=1.3, link=sm.families.links.Log()),
}


def load_policies(path):
    df = pd.read_csv(path, parse_dates=["start_date"])
    df = df.query("exposure > 0").reset_index(drop=True)
    return df


policies = load_policies("data/motor_policies_2023.csv")
rng = np.random.default_rng(11)
is_test = rng.random(len(policies)) < 0.2
train, test = policies[~is_test], policies[is_test]

fitted = {}
deviance = {}
for name, family in FAMILIES.items():
    res = smf.glm(FORMULA, data=train, family=family, offset=np.log(train["exposure"])).fit()
    pred = res.predict(test, offset=np.log(test["exposure"]))
    fitted[name] = res
    deviance[name] = mean_poisson_deviance(test["claim_count"], pred)

summary = pd.Series(deviance, name="test_deviance").sort_values()
print(summary.to_string())
chosen = summary.index[0]
print(f"Using the {chosen} GLM for pricing; out-of-sample deviance {summary.iloc[0]:.4f}")
fitted[chosen].save(f"models/frequency_{chosen}.pickle")
