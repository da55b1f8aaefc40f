# label: leakage/none
# Week-ahead landed tonnage per harbour, used by the auction house to plan
# ice orders and porter rotas. Forecast is issued each morning for days d..d+6.
import numpy as np
import pandas as pd
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.metrics import mean_absolute_error, mean_absolute_percentage_error

HORIZON = 7
CUTOFF = pd.Timestamp("2023-07-01")
PORTS = ["brixham", "newlyn", "peterhead", "fraserburgh", "kilkeel", "lowestoft"]


def daily_frame(path):
    raw = pd.read_csv(path, parse_dates=["landing_date"])
    daily = (
        raw.groupby(["port", "landing_date"], as_index=False)
        .agg(tonnes=("live_weight_t", "sum"), vessels=("vessel_id", "nunique"))
        .rename(columns={"landing_date": "date"})
    )
    # fill closed days with zero landings so every port has a full calendar
    full = pd.MultiIndex.from_product(
        [PORTS, pd.date_range(daily["date"].min(), daily["date"].max(), freq="D")],
        names=["port", "date"],
    )
    daily = daily.set_index(["port", "date"]).reindex(full, fill_value=0).reset_index()
    return daily.sort_values(["port", "date"]).reset_index(drop=True)


def add_features(daily, weather):
    g = daily.groupby("port")["tonnes"]
    for lag in (1, 2, 3, 7, 14, 364):
        daily[f"tonnes_lag{lag}"] = g.shift(lag)
    daily["tonnes_mean_7"] = g.transform(lambda s: s.shift(1).rolling(7).mean())
    daily["tonnes_mean_28"] = g.transform(lambda s: s.shift(1).rolling(28).mean())
    daily["vessels_lag1"] = daily.groupby("port")["vessels"].shift(1)
    daily["dow"] = daily["date"].dt.dayofweek
    daily["doy"] = daily["date"].dt.dayofyear
    daily["port_code"] = daily["port"].map({p: i for i, p in enumerate(PORTS)})
    # marine forecast issued the previous evening
    daily = daily.merge(weather, on=["port", "date"], how="left")
    return daily


def add_target(daily):
    g = daily.groupby("port")["tonnes"]
    daily["tonnes_week_ahead"] = sum(g.shift(-k) for k in range(HORIZON))
    return daily


def main():
    daily = daily_frame("data/landings_by_vessel_2018_2024.csv")
    weather = pd.read_csv("data/inshore_forecast_by_port.csv", parse_dates=["date"])
    frame = add_target(add_features(daily, weather))
    features = [c for c in frame.columns if c.startswith(("tonnes_lag", "tonnes_mean", "fc_"))]
    features += ["vessels_lag1", "dow", "doy", "port_code"]
    frame = frame.dropna(subset=["tonnes_week_ahead", "tonnes_lag364"])

    train = frame[frame["date"] <= CUTOFF - pd.Timedelta(days=HORIZON)]
    test = frame[frame["date"] >= CUTOFF]
    print(f"train {train['date'].min():%Y-%m-%d} .. {train['date'].max():%Y-%m-%d}, "
          f"test {test['date'].min():%Y-%m-%d} .. {test['date'].max():%Y-%m-%d}")

    model = HistGradientBoostingRegressor(
        max_iter=500, learning_rate=0.05, max_leaf_nodes=31,
        l2_regularization=1.0, categorical_features=[features.index("port_code")],
        random_state=3,
    )
    model.fit(train[features], train["tonnes_week_ahead"])
    pred = np.clip(model.predict(test[features]), 0, None)

    print(f"MAE  {mean_absolute_error(test['tonnes_week_ahead'], pred):.1f} t")
    print(f"MAPE {mean_absolute_percentage_error(test['tonnes_week_ahead'] + 1, pred + 1):.2%}")
    by_port = test.assign(err=np.abs(test["tonnes_week_ahead"] - pred)).groupby("port")["err"].mean()
    print(by_port.round(1).to_string())


if __name__ == "__main__":
    main()
