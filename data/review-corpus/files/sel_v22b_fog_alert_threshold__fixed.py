# label: leakage/none
import numpy as np
import pandas as pd
import matplotlib.pyplot as plt
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import f1_score, precision_score, recall_score, roc_auc_score

CFG = {
    "path": "data/metar_hourly_runway09.parquet",
    "cutoff": "2022-01-01",
    "val_start": "2021-01-01",
    "target": "fog_within_3h",
    "lags": [1, 2, 3, 6],
    "params": dict(max_iter=400, learning_rate=0.05, max_leaf_nodes=31, l2_regularization=1.0),
}

BASE_COLS = [
    "temp_c", "dewpoint_c", "rel_humidity", "wind_speed_kt", "wind_dir_deg",
    "cloud_base_ft", "visibility_m", "pressure_hpa",
]


def load_obs(path):
    df = pd.read_parquet(path)
    df["obs_time"] = pd.to_datetime(df["obs_time"])
    df = df.sort_values("obs_time").reset_index(drop=True)
    df["spread"] = df["temp_c"] - df["dewpoint_c"]
    hour = df["obs_time"].dt.hour
    df["hour_sin"] = np.sin(2 * np.pi * hour / 24)
    df["hour_cos"] = np.cos(2 * np.pi * hour / 24)
    df["doy_sin"] = np.sin(2 * np.pi * df["obs_time"].dt.dayofyear / 365.25)
    return df


def add_lags(df, cols, lags):
    for c in cols:
        for k in lags:
            df[f"{c}_lag{k}"] = df[c].shift(k)
    df["spread_trend_3h"] = df["spread"] - df["spread"].shift(3)
    df["pressure_trend_3h"] = df["pressure_hpa"] - df["pressure_hpa"].shift(3)
    return df.dropna().reset_index(drop=True)


def alert_scores(y_true, alerts):
    return {
        "f1": round(f1_score(y_true, alerts), 4),
        "precision": round(precision_score(y_true, alerts), 4),
        "recall": round(recall_score(y_true, alerts), 4),
        "alert_hours": int(alerts.sum()),
    }


obs = load_obs(CFG["path"])
obs = add_lags(obs, BASE_COLS + ["spread"], CFG["lags"])
target = CFG["target"]
features = [c for c in obs.columns if c not in ("obs_time", target)]

train = obs[obs["obs_time"] < CFG["cutoff"]]
test = obs[obs["obs_time"] >= CFG["cutoff"]]
print(f"train hours: {len(train)}, test hours: {len(test)}, fog rate: {train[target].mean():.3f}")

fit = train[train["obs_time"] < CFG["val_start"]]
val = train[train["obs_time"] >= CFG["val_start"]]

clf = HistGradientBoostingClassifier(**CFG["params"], random_state=7)
clf.fit(fit[features], fit[target])

test_prob = clf.predict_proba(test[features])[:, 1]
print("test ROC AUC:", round(roc_auc_score(test[target], test_prob), 4))

val_prob = clf.predict_proba(val[features])[:, 1]
grid = np.linspace(0.05, 0.95, 91)
f1s = [f1_score(val[target], val_prob >= t) for t in grid]
best_t = float(grid[int(np.argmax(f1s))])
print(f"alert threshold: {best_t:.2f}")

report = alert_scores(test[target], test_prob >= best_t)
print("fog alert performance (2022+):", report)

monthly = (
    test.assign(alert=test_prob >= best_t)
    .groupby(test["obs_time"].dt.month)[["alert", target]]
    .mean()
)
print(monthly.round(3))

fig, ax = plt.subplots(1, 2, figsize=(11, 4))
ax[0].plot(grid, f1s)
ax[0].axvline(best_t, ls="--", c="k")
ax[0].set_xlabel("threshold")
ax[0].set_ylabel("F1")
monthly.plot(kind="bar", ax=ax[1])
ax[1].set_title("alert rate vs fog rate by month")
plt.tight_layout()
plt.savefig("fog_alerts.png", dpi=120)
