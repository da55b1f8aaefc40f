# label: leakage/none
# twin: ovl_retail_weekly_random_holdout__leaky.py
# source: hand-written for ai-ci held-out v8 (Apache-2.0)
import pandas as pd
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.metrics import mean_absolute_error


def add_calendar_and_lags(df):
    df = df.sort_values(["store", "week"]).copy()
    grp = df.groupby("store")["units"]
    df["units_lag1"] = grp.shift(1)
    df["units_lag52"] = grp.shift(52)
    df["rolling_4w"] = grp.transform(lambda s: s.shift(1).rolling(4).mean())
    df["weekofyear"] = df["week"].dt.isocalendar().week.astype(int)
    return df.dropna()


sales = pd.read_csv("store_weekly_units.csv", parse_dates=["week"])
sales = add_calendar_and_lags(sales)
feature_cols = ["store", "units_lag1", "units_lag52", "rolling_4w", "weekofyear", "promo"]

cutoff = sales["week"].quantile(0.8)
train, test = sales[sales["week"] <= cutoff], sales[sales["week"] > cutoff]

model = HistGradientBoostingRegressor(max_iter=300, learning_rate=0.05, categorical_features=[0], random_state=17)
model.fit(train[feature_cols], train["units"])
mae = mean_absolute_error(test["units"], model.predict(test[feature_cols]))
print(f"holdout MAE: {mae:.2f} units/week")
