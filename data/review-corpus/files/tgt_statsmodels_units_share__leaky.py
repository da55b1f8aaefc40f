# label: leakage/target
# twin: tgt_statsmodels_units_share__fixed.py
# source: hand-written for ai-ci held-out v3 (Apache-2.0)
import numpy as np
import pandas as pd
import statsmodels.formula.api as smf

sales = pd.read_csv("store_week_sales.csv")  # store, week, price, promo, holiday, units
sales["log_price"] = np.log(sales["price"])
# each store's share of the chain's weekly volume
sales["units_share"] = sales["units"] / sales.groupby("week")["units"].transform("sum")

train = sales[sales["week"] <= 120]
test = sales[sales["week"] > 120]

fit = smf.ols("units ~ log_price + promo + holiday + units_share + C(store)", data=train).fit()
print(fit.summary())
pred = fit.predict(test)
print(f"test MAPE: {np.mean(np.abs(test['units'] - pred) / test['units']):.1%}")
