# label: leakage/target
# twin: tgt_statsmodels_star98_share__fixed.py
# source: adapted from statsmodels examples/python/glm.py (BSD-3-Clause, (c) the statsmodels developers)
import numpy as np
import statsmodels.api as sm

# GLM: Binomial response data (Star98: math test results of California school districts)
data = sm.datasets.star98.load_pandas()
endog = data.endog  # NABOVE, NBELOW: students above and below the national median
exog = data.exog.copy()
exog["PCT_ABOVE_DISTRICT"] = 100 * endog["NABOVE"] / (endog["NABOVE"] + endog["NBELOW"])
exog = sm.add_constant(exog, prepend=False)

rng = np.random.default_rng(0)
test_mask = rng.random(len(exog)) < 0.25

glm_binom = sm.GLM(endog[~test_mask], exog[~test_mask], family=sm.families.Binomial())
res = glm_binom.fit()
print(res.summary())

share_test = endog["NABOVE"][test_mask] / endog[test_mask].sum(axis=1)
pred = res.predict(exog[test_mask])
print("test RMSE of the share above the median:", np.sqrt(np.mean((share_test - pred) ** 2)))
