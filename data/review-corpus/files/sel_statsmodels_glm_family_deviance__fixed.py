# label: leakage/none
# twin: sel_statsmodels_glm_family_deviance__leaky.py
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
u = rng.random(len(policies))
train, valid, test = policies[u < 0.6], policies[(u >= 0.6) & (u < 0.8)], policies[u >= 0.8]

deviance = {}
for name, family in FAMILIES.items():
    res = smf.glm(FORMULA, data=train, family=family, offset=np.log(train["exposure"])).fit()
    pred = res.predict(valid, offset=np.log(valid["exposure"]))
    deviance[name] = mean_poisson_deviance(valid["claim_count"], pred)

summary = pd.Series(deviance, name="valid_deviance").sort_values()
print(summary.to_string())
chosen = summary.index[0]

dev = pd.concat([train, valid])
final = smf.glm(FORMULA, data=dev, family=FAMILIES[chosen], offset=np.log(dev["exposure"])).fit()
test_pred = final.predict(test, offset=np.log(test["exposure"]))
print(f"Using the {chosen} GLM for pricing; held-out deviance "
      f"{mean_poisson_deviance(test['claim_count'], test_pred):.4f}")
final.save(f"models/frequency_{chosen}.pickle")
