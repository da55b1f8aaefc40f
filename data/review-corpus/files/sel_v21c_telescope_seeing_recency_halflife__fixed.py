# label: leakage/none
"""Nightly seeing forecast for the summit observatory.

Predicts the median DIMM seeing (arcsec) of a night from the evening weather-mast
readings and the mesoscale model fields. Older seasons are down-weighted with an
exponential decay so the model tracks the dome and vent changes of recent years.
"""
import numpy as np
import pandas as pd
import matplotlib.pyplot as plt
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.metrics import mean_absolute_error, r2_score

CFG = {
    "path": "data/summit_nights.parquet",
    "target": "dimm_seeing_median",
    "val_start": "2022-07-01",
    "test_start": "2023-07-01",
    "half_lives_days": [90, 180, 365, 730, 1460, None],
    "hgb": {
        "max_iter": 400,
        "learning_rate": 0.05,
        "max_leaf_nodes": 31,
        "l2_regularization": 1.0,
        "random_state": 11,
    },
}

FEATURES = [
    "wind_speed_10m", "wind_dir_sin", "wind_dir_cos", "gust_max_18ut",
    "temp_gradient_2_30m", "rel_humidity", "pressure_tendency_3h",
    "jet_stream_200hpa", "cloud_fraction_model", "dew_point_depression",
    "moon_illum", "dome_vent_open_frac",
]


def load_nights(path):
    df = pd.read_parquet(path)
    df["night"] = pd.to_datetime(df["night"])
    df = df.dropna(subset=[CFG["target"]])
    df = df[df[CFG["target"]].between(0.2, 5.0)]
    return df.sort_values("night").reset_index(drop=True)


def recency_weights(dates, half_life):
    if half_life is None:
        return np.ones(len(dates))
    age_days = (dates.max() - dates).dt.days.to_numpy()
    return 0.5 ** (age_days / half_life)


def fit_model(frame, half_life):
    weights = recency_weights(frame["night"], half_life)
    model = HistGradientBoostingRegressor(**CFG["hgb"])
    model.fit(frame[FEATURES], frame[CFG["target"]], sample_weight=weights)
    return model


def describe(name, y_true, y_pred):
    mae = mean_absolute_error(y_true, y_pred)
    r2 = r2_score(y_true, y_pred)
    good = np.mean(np.abs(y_true - y_pred) < 0.15)
    print(f"{name:>10s}  MAE={mae:.3f}\"  R2={r2:.3f}  within 0.15\": {good:.1%}")
    return mae


nights = load_nights(CFG["path"])
cut = pd.Timestamp(CFG["test_start"])
train = nights[nights["night"] < cut]
test = nights[nights["night"] >= cut]
print(f"train nights: {len(train)}   test nights: {len(test)}")
val_cut = pd.Timestamp(CFG["val_start"])
fit_part = train[train["night"] < val_cut]
val_part = train[train["night"] >= val_cut]

sweep = {}
for hl in CFG["half_lives_days"]:
    candidate = fit_model(fit_part, hl)
    sweep[hl] = mean_absolute_error(val_part[CFG["target"]], candidate.predict(val_part[FEATURES]))
    print(f"half-life {str(hl):>5s} d -> MAE {sweep[hl]:.3f}")

best_hl = min(sweep, key=sweep.get)
print("chosen half-life:", best_hl)

final = fit_model(train, best_hl)
test_pred = final.predict(test[FEATURES])
persistence = test[CFG["target"]].shift(1).fillna(train[CFG["target"]].iloc[-1])

print("\nTest season")
describe("model", test[CFG["target"]], test_pred)
describe("yesterday", test[CFG["target"]], persistence)

fig, axes = plt.subplots(1, 2, figsize=(11, 4))
axes[0].plot(list(map(str, sweep)), list(sweep.values()), marker="o")
axes[0].set_xlabel("half-life (days)")
axes[0].set_ylabel("MAE (arcsec)")
axes[1].scatter(test[CFG["target"]], test_pred, s=6, alpha=0.5)
axes[1].plot([0.2, 3], [0.2, 3], color="grey", lw=1)
axes[1].set_xlabel("observed seeing")
axes[1].set_ylabel("forecast seeing")
fig.tight_layout()
fig.savefig("seeing_forecast.png", dpi=120)
