# label: fixed
# source: hand-written for ai-ci, held-out v9 (Apache-2.0)
import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.metrics import mean_absolute_error

sales = pd.read_parquet("data/store_daily_sales.parquet")
sales["date"] = pd.to_datetime(sales["date"])
sales = sales.sort_values(["date", "store_id"]).reset_index(drop=True)


def add_features(df):
    g = df.groupby("store_id")["units_sold"]
    df["lag_7"] = g.shift(7)
    df["lag_14"] = g.shift(14)
    df["lag_28"] = g.shift(28)
    df["roll_mean_28"] = g.transform(lambda s: s.shift(7).rolling(28).mean())
    df["dow"] = df["date"].dt.dayofweek
    df["month"] = df["date"].dt.month
    df["is_promo"] = df["promo_flag"].astype(int)
    return df.dropna(subset=["lag_28", "roll_mean_28"])


sales = add_features(sales)
sales["store_id"] = sales["store_id"].astype("category")
features = ["store_id", "lag_7", "lag_14", "lag_28", "roll_mean_28",
            "dow", "month", "is_promo", "is_holiday"]

cutoff = sales["date"].max() - pd.Timedelta(days=56)
train, test = sales[sales["date"] <= cutoff], sales[sales["date"] > cutoff]
X_train, y_train = train[features], train["units_sold"]
X_test, y_test = test[features], test["units_sold"]

model = lgb.LGBMRegressor(
    n_estimators=800, learning_rate=0.05, num_leaves=63,
    objective="tweedie", verbose=-1,
)
model.fit(X_train, y_train)
pred = np.clip(model.predict(X_test), 0, None)

print(f"MAE:  {mean_absolute_error(y_test, pred):.2f}")
print(f"WAPE: {np.abs(y_test - pred).sum() / y_test.sum():.3f}")
