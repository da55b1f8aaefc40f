# label: leakage/none
# twin: tgt_statsmodels_units_share__leaky.py
# source: hand-written for ai-ci held-out v3 (Apache-2.0)
import numpy as np
import pandas as pd
import statsmodels.formula.api as smf

sales = pd.read_csv("store_week_sales.csv")  # store, week, price, promo, holiday, units
sales["log_price"] = np.log(sales["price"])
# each store's price relative to the chain's price that week (prices are set in advance)
sales["price_index"] = sales["price"] / sales.groupby("week")["price"].transform("mean")

train = sales[sales["week"] <= 120]
test = sales[sales["week"] > 120]

fit = smf.ols("units ~ log_price + promo + holiday + price_index + C(store)", data=train).fit()
print(fit.summary())
pred = fit.predict(test)
print(f"test MAPE: {np.mean(np.abs(test['units'] - pred) / test['units']):.1%}")
