# label: leakage/none
import numpy as np
import pandas as pd
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.metrics import mean_absolute_error, mean_absolute_percentage_error

DATA = "data/toll_plaza_daily_transactions.csv"
HOLDOUT_DAYS = 56
WINDOWS_MONTHS = [6, 12, 18, 24, 36, 48]
# plans are published a week ahead, so every input is at least 7 days old
LAGS = [7, 14, 21, 28, 364]


def build_features(df):
    out = df.copy()
    out["dow"] = out["date"].dt.dayofweek
    out["month"] = out["date"].dt.month
    out["doy"] = out["date"].dt.dayofyear
    for lag in LAGS:
        out[f"lag_{lag}"] = out.groupby("plaza")["transactions"].shift(lag)
    out["roll28_lag7"] = (
        out.groupby("plaza")["transactions"]
        .transform(lambda s: s.shift(7).rolling(28).mean())
    )
    return out


def fit_window(frame, end_date, months):
    start = end_date - pd.DateOffset(months=months)
    part = frame[(frame["date"] >= start) & (frame["date"] < end_date)]
    model = HistGradientBoostingRegressor(
        max_iter=400, learning_rate=0.05, max_leaf_nodes=31,
        categorical_features=[FEATURES.index("plaza_code")], random_state=0,
    )
    model.fit(part[FEATURES], part["transactions"])
    return model, len(part)


raw = pd.read_csv(DATA, parse_dates=["date"])
raw = raw.sort_values(["plaza", "date"]).reset_index(drop=True)
raw["plaza_code"] = raw["plaza"].astype("category").cat.codes
raw["is_holiday"] = raw["is_holiday"].fillna(0).astype(int)

data = build_features(raw).dropna(subset=[f"lag_{l}" for l in LAGS] + ["roll28_lag7"])
FEATURES = ["plaza_code", "dow", "month", "doy", "is_holiday", "roll28_lag7"] + [
    f"lag_{l}" for l in LAGS
]

last_day = data["date"].max()
test_start = last_day - pd.Timedelta(days=HOLDOUT_DAYS - 1)
val_start = test_start - pd.Timedelta(days=HOLDOUT_DAYS)
test = data[data["date"] >= test_start]
val = data[(data["date"] >= val_start) & (data["date"] < test_start)]
print("test period:", test_start.date(), "->", last_day.date(), len(test), "rows")

scores = {}
for months in WINDOWS_MONTHS:
    model, n_rows = fit_window(data, val_start, months)
    pred = model.predict(val[FEATURES])
    scores[months] = mean_absolute_error(val["transactions"], pred)
    print(f"window={months:2d}m rows={n_rows:6d} MAE={scores[months]:.1f}")

best_months = min(scores, key=scores.get)
final_model, _ = fit_window(data, test_start, best_months)
final_pred = final_model.predict(test[FEATURES])

print(f"\nselected history window: {best_months} months")
print(f"holdout MAE : {mean_absolute_error(test['transactions'], final_pred):.1f}")
print(f"holdout MAPE: {mean_absolute_percentage_error(test['transactions'], final_pred):.2%}")

per_plaza = (
    test.assign(pred=final_pred, err=lambda d: (d["pred"] - d["transactions"]).abs())
    .groupby("plaza")["err"].mean()
    .sort_values(ascending=False)
)
print(per_plaza.head(10).round(1))
