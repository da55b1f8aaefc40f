# label: leakage/none
"""Weekly wholesale price model for ware potatoes (EUR / tonne).

Lagged prices + storage stocks + weather, evaluated with 5-fold CV.
"""
import numpy as np
import pandas as pd
import matplotlib.pyplot as plt
from sklearn.model_selection import TimeSeriesSplit, cross_validate
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.linear_model import RidgeCV
from sklearn.ensemble import GradientBoostingRegressor

PRICE_FILE = "market/potato_wholesale_weekly.csv"
STOCK_FILE = "market/store_stocks_weekly.csv"
LAGS = [1, 2, 3, 4, 8, 52]


def load_series():
    price = pd.read_csv(PRICE_FILE, parse_dates=["week"]).set_index("week").sort_index()
    stock = pd.read_csv(STOCK_FILE, parse_dates=["week"]).set_index("week").sort_index()
    df = price.join(stock, how="left")
    df["stocks_kt"] = df["stocks_kt"].ffill()
    return df


def add_lag_features(df, col="price_eur_t"):
    out = df.copy()
    for k in LAGS:
        out[f"{col}_lag{k}"] = out[col].shift(k)
    out[f"{col}_ma4"] = out[col].shift(1).rolling(4).mean()
    out[f"{col}_chg4"] = out[col].shift(1) - out[col].shift(5)
    out["stocks_lag1"] = out["stocks_kt"].shift(1)
    out["rain_mm_4w"] = out["rain_mm"].shift(1).rolling(4).sum()
    out["week_sin"] = np.sin(2 * np.pi * out.index.isocalendar().week.astype(int) / 52)
    out["week_cos"] = np.cos(2 * np.pi * out.index.isocalendar().week.astype(int) / 52)
    return out.dropna()


series = load_series()
data = add_lag_features(series)
feature_cols = [c for c in data.columns if c.endswith(("lag1", "lag2", "lag3", "lag4", "lag8", "lag52"))
                or c in ("price_eur_t_ma4", "price_eur_t_chg4", "rain_mm_4w", "week_sin", "week_cos")]
X = data[feature_cols].to_numpy()
y = data["price_eur_t"].to_numpy()
print(f"{len(data)} weeks, {len(feature_cols)} features")

candidates = {
    "ridge": make_pipeline(StandardScaler(), RidgeCV(alphas=np.logspace(-2, 3, 20))),
    "gbr": GradientBoostingRegressor(n_estimators=400, max_depth=3, learning_rate=0.03, subsample=0.8,
                                     random_state=0),
}

folds = TimeSeriesSplit(n_splits=5)
summary = {}
for name, est in candidates.items():
    res = cross_validate(est, X, y, cv=folds,
                         scoring=("neg_mean_absolute_error", "neg_root_mean_squared_error"))
    summary[name] = {
        "MAE": -res["test_neg_mean_absolute_error"].mean(),
        "RMSE": -res["test_neg_root_mean_squared_error"].mean(),
    }
print(pd.DataFrame(summary).T.round(2))

naive_mae = np.mean(np.abs(data["price_eur_t"] - data["price_eur_t_lag1"]))
print(f"naive last-week MAE: {naive_mae:.2f}")

ax = data["price_eur_t"].plot(figsize=(9, 3), title="ware potato price")
ax.set_ylabel("EUR / t")
plt.tight_layout()
plt.savefig("potato_price.png", dpi=110)
