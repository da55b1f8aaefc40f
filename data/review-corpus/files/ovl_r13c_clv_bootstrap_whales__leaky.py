# label: leakage/overlap
# twin: ovl_r13c_clv_bootstrap_whales__fixed.py
# source: hand-written for ai-ci, tuning part of round 13 (Apache-2.0)
import numpy as np
import pandas as pd
from sklearn.utils import resample
from sklearn.model_selection import train_test_split
from sklearn.ensemble import GradientBoostingRegressor
from sklearn.metrics import mean_absolute_error

# first-90-day behaviour of each customer + revenue over the next 24 months
# customer_id, signup_date, orders_90d, revenue_90d, avg_basket_90d, returns_90d,
# had_second_order_90d, paid_channel, newsletter_opt_in, clv_24m
customers = pd.read_csv("customers_first90d.csv")
df = customers.drop(columns=["customer_id", "signup_date"])

# high-value customers are rare; bootstrap them up so the model sees more of them
cutoff = df["clv_24m"].quantile(0.95)
whales = df[df["clv_24m"] > cutoff]
rest = df[df["clv_24m"] <= cutoff]
whales_up = resample(whales, replace=True, n_samples=len(whales) * 5, random_state=0)
df_bal = pd.concat([rest, whales_up]).sample(frac=1.0, random_state=0)

X = df_bal.drop(columns=["clv_24m"])
y = np.log1p(df_bal["clv_24m"])
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=0)

gbr = GradientBoostingRegressor(n_estimators=500, learning_rate=0.05, max_depth=3, random_state=0)
gbr.fit(X_train, y_train)

pred = np.expm1(gbr.predict(X_test))
actual = np.expm1(y_test)
print("test MAE ($): %.2f" % mean_absolute_error(actual, pred))
top = actual > cutoff
print("MAE on high-value customers ($): %.2f" % mean_absolute_error(actual[top], pred[top]))
