# label: leakage/target
# twin: tgt_store_sales_ewm_unshifted__fixed.py
# source: hand-written for ai-ci held-out v3 in the style of Kaggle Rossmann notebooks (Apache-2.0)
import pandas as pd
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.metrics import mean_absolute_error

df = pd.read_csv("rossmann_train.csv", parse_dates=["Date"], low_memory=False)
df = df[df["Open"] == 1].sort_values(["Store", "Date"])
df["dow"] = df["Date"].dt.dayofweek
df["month"] = df["Date"].dt.month

# smoothed recent sales level of each store
for span in (7, 28):
    df[f"sales_ewm_{span}"] = df.groupby("Store")["Sales"].transform(lambda s: s.ewm(span=span).mean())
df = df.dropna()

features = ["Store", "dow", "month", "Promo", "SchoolHoliday", "sales_ewm_7", "sales_ewm_28"]
train = df[df["Date"] < "2015-06-01"]
test = df[df["Date"] >= "2015-06-01"]

model = HistGradientBoostingRegressor(max_iter=300, random_state=0)
model.fit(train[features], train["Sales"])
print(f"next-day sales MAE: {mean_absolute_error(test['Sales'], model.predict(test[features])):.0f}")
