# label: leakage/none
# twin: pre_r17c_ice_rink_lasso_selection__leaky.py
# source: hand-written for ai-ci, round 17 tuning probes (Apache-2.0)
import numpy as np
import pandas as pd
import matplotlib.pyplot as plt
from sklearn.linear_model import LassoCV, Ridge
from sklearn.preprocessing import StandardScaler
from sklearn.pipeline import make_pipeline
from sklearn.model_selection import TimeSeriesSplit
from sklearn.metrics import mean_absolute_percentage_error

DAILY = "bms/rink_plant_daily.csv"
WEATHER = "bms/airport_weather_daily.csv"


def load_daily():
    d = pd.read_csv(DAILY, parse_dates=["date"])
    w = pd.read_csv(WEATHER, parse_dates=["date"])
    d = d.merge(w, on="date", how="left").sort_values("date").reset_index(drop=True)
    d = d[d["plant_kwh"] > 0]
    return d.reset_index(drop=True)


def candidate_features(d):
    f = pd.DataFrame(index=d.index)
    f["t_out"] = d["t_mean_c"]
    f["t_out_max"] = d["t_max_c"]
    f["dewpoint"] = d["dewpoint_c"]
    f["solar"] = d["solar_mj_m2"]
    f["cdd18"] = (d["t_mean_c"] - 18).clip(lower=0)
    f["hdd10"] = (10 - d["t_mean_c"]).clip(lower=0)
    f["ice_hours"] = d["scheduled_ice_hours"]
    f["public_skate_hours"] = d["public_skate_hours"]
    f["hockey_games"] = d["hockey_games"]
    f["resurfacings"] = d["zamboni_cycles_planned"]
    f["spectators_exp"] = d["expected_spectators"]
    f["dow"] = d["date"].dt.dayofweek
    f["weekend"] = (f["dow"] >= 5).astype(int)
    f["doy_sin"] = np.sin(2 * np.pi * d["date"].dt.dayofyear / 365.25)
    f["doy_cos"] = np.cos(2 * np.pi * d["date"].dt.dayofyear / 365.25)
    for a, b in [("t_out", "ice_hours"), ("dewpoint", "ice_hours"), ("solar", "ice_hours"),
                 ("spectators_exp", "dewpoint"), ("resurfacings", "t_out")]:
        f[f"{a}_x_{b}"] = f[a] * f[b]
    return f


def pick_features(X, y, seed=0):
    scaled = StandardScaler().fit_transform(X)
    lasso = LassoCV(cv=5, n_alphas=60, max_iter=20000, random_state=seed).fit(scaled, y)
    kept = X.columns[np.abs(lasso.coef_) > 1e-6]
    return list(kept)


daily = load_daily()
X = candidate_features(daily).ffill().fillna(0)
y = daily["plant_kwh"].to_numpy()

tscv = TimeSeriesSplit(n_splits=5, test_size=60)
fold_mape = []
for k, (tr, te) in enumerate(tscv.split(X)):
    keep = pick_features(X.iloc[tr], y[tr])
    print(f"{len(keep)} of {X.shape[1]} candidates kept:", keep)
    model = make_pipeline(StandardScaler(), Ridge(alpha=3.0))
    model.fit(X.iloc[tr][keep], y[tr])
    pred = model.predict(X.iloc[te][keep])
    fold_mape.append(mean_absolute_percentage_error(y[te], pred))
    print(f"fold {k}  {daily['date'].iloc[te[0]].date()} .. {daily['date'].iloc[te[-1]].date()}"
          f"  MAPE={fold_mape[-1]:.3%}")

print(f"mean MAPE {np.mean(fold_mape):.3%}")

plt.figure(figsize=(10, 3))
plt.plot(daily["date"].iloc[te], y[te], label="metered")
plt.plot(daily["date"].iloc[te], pred, label="model")
plt.ylabel("kWh/day")
plt.legend()
plt.tight_layout()
plt.savefig("rink_last_fold.png")
