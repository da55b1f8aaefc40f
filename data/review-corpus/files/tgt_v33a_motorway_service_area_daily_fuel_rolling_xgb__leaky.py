# label: leakage/target
"""Next-day fuel volume per motorway service area, used for tanker ordering."""
import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.metrics import mean_absolute_percentage_error

SALES_PATH = "forecourt/daily_fuel_litres_by_site.parquet"
CALENDAR_PATH = "forecourt/calendar_events.csv"
SPLIT_DATE = pd.Timestamp("2024-04-01")


def load():
    sales = pd.read_parquet(SALES_PATH)
    calendar = pd.read_csv(CALENDAR_PATH, parse_dates=["date"])
    sales["date"] = pd.to_datetime(sales["date"])
    df = sales.merge(calendar, on="date", how="left")
    df[["bank_holiday", "school_holiday"]] = df[["bank_holiday", "school_holiday"]].fillna(0)
    return df.sort_values(["site_id", "date"]).reset_index(drop=True)


def make_features(df):
    out = df.copy()
    litres = out.groupby("site_id")["litres"]
    for lag in (1, 2, 7, 14, 364):
        out[f"litres_lag{lag}"] = litres.shift(lag)
    out["litres_roll7"] = litres.transform(lambda s: s.rolling(7, min_periods=3).mean())
    out["litres_roll28"] = litres.transform(lambda s: s.shift(1).rolling(28, min_periods=10).mean())
    out["dow"] = out["date"].dt.dayofweek
    out["month"] = out["date"].dt.month
    out["day_of_year"] = out["date"].dt.dayofyear
    out["price_gap_ppl"] = out["pump_price_ppl"] - out["regional_avg_price_ppl"]
    out["site_id"] = out["site_id"].astype("category")
    return out


FEATURES = [
    "site_id", "dow", "month", "day_of_year", "bank_holiday", "school_holiday",
    "pump_price_ppl", "price_gap_ppl", "forecast_temp_c", "forecast_rain_mm",
    "litres_lag1", "litres_lag2", "litres_lag7", "litres_lag14", "litres_lag364",
    "litres_roll7", "litres_roll28",
]


def main():
    df = make_features(load()).dropna(subset=["litres_lag14", "litres_roll28"])
    train = df[df["date"] < SPLIT_DATE]
    test = df[df["date"] >= SPLIT_DATE]
    print(f"{df['site_id'].nunique()} sites, train days {train['date'].nunique()}, test days {test['date'].nunique()}")

    model = xgb.XGBRegressor(
        n_estimators=900,
        learning_rate=0.03,
        max_depth=6,
        subsample=0.8,
        colsample_bytree=0.8,
        objective="reg:squarederror",
        tree_method="hist",
        enable_categorical=True,
        random_state=1,
    )
    model.fit(train[FEATURES], train["litres"], verbose=False)

    pred = model.predict(test[FEATURES])
    mape = mean_absolute_percentage_error(test["litres"], pred)
    naive = mean_absolute_percentage_error(test["litres"], test["litres_lag7"])
    print(f"test MAPE: {mape:.2%}   same-day-last-week MAPE: {naive:.2%}")

    per_site = (
        test.assign(pred=pred, ape=np.abs(pred - test["litres"]) / test["litres"])
        .groupby("site_id", observed=True)["ape"].mean()
        .sort_values(ascending=False)
    )
    print("worst sites by MAPE:")
    print(per_site.head(8).map("{:.2%}".format).to_string())


if __name__ == "__main__":
    main()
