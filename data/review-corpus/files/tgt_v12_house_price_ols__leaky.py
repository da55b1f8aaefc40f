# label: leakage/target
# twin: tgt_v12_house_price_ols__fixed.py
# source: hand-written for ai-ci held-out v12 (Apache-2.0)
import numpy as np
import pandas as pd
import statsmodels.formula.api as smf
from sklearn.model_selection import train_test_split

homes = pd.read_csv("data/kc_house_sales.csv", parse_dates=["date"])
homes = homes[homes["sqft_living"] > 0].copy()
homes["log_price"] = np.log(homes["price"])
homes["age"] = homes["date"].dt.year - homes["yr_built"]
homes["renovated"] = (homes["yr_renovated"] > 0).astype(int)
homes["price_per_sqft"] = homes["price"] / homes["sqft_living"]

train, test = train_test_split(homes, test_size=0.2, random_state=8)

formula = (
    "log_price ~ np.log(sqft_living) + bedrooms + bathrooms + grade + condition"
    " + age + renovated + waterfront + view + C(zipcode) + price_per_sqft"
)
ols = smf.ols(formula, data=train).fit()
print(ols.rsquared_adj)

pred = np.exp(ols.predict(test))
mape = np.mean(np.abs(pred - test["price"]) / test["price"])
print(f"test MAPE: {mape:.3%}")
