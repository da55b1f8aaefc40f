# label: leakage/target
# twin: tgt_statsmodels_formula_ratio__fixed.py
# source: hand-written for ai-ci, tuning part of round 4 (Apache-2.0)
import pandas as pd
import statsmodels.formula.api as smf
from sklearn.model_selection import train_test_split

shops = pd.read_csv("shop_weeks.csv")
shops["revenue_per_visit"] = shops["revenue"] / shops["visits"]
shops["promo_share"] = shops["promo_days"] / 7
train, test = train_test_split(shops, test_size=0.25, random_state=31)
fit = smf.ols("revenue ~ visits + promo_share + revenue_per_visit", data=train).fit()
print(fit.summary())
print(((test["revenue"] - fit.predict(test)) ** 2).mean() ** 0.5)
