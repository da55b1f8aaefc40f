# label: leakage/none
import numpy as np
import pandas as pd
import matplotlib.pyplot as plt
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.metrics import mean_absolute_error

LOOKBACK = 21
HORIZON = 7
DATA = "data/kiosks/daily_cones.parquet"


def load_daily(path):
    df = pd.read_parquet(path)
    df["date"] = pd.to_datetime(df["date"])
    df = df.sort_values(["kiosk_id", "date"])
    full = []
    for kid, g in df.groupby("kiosk_id"):
        g = g.set_index("date").asfreq("D")
        g["kiosk_id"] = kid
        g["cones_sold"] = g["cones_sold"].fillna(0)
        g[["temp_max_c", "sunshine_h"]] = g[["temp_max_c", "sunshine_h"]].ffill()
        full.append(g.reset_index())
    return pd.concat(full, ignore_index=True)


def make_windows(df):
    feats, targets, ends, kiosks = [], [], [], []
    for kid, g in df.groupby("kiosk_id"):
        s = g["cones_sold"].to_numpy(dtype=float)
        t = g["temp_max_c"].to_numpy(dtype=float)
        sun = g["sunshine_h"].to_numpy(dtype=float)
        dates = g["date"].to_numpy()
        for end in range(LOOKBACK, len(g) - HORIZON + 1):
            past = s[end - LOOKBACK:end]
            row = np.concatenate([
                past,
                [past[-7:].mean(), past.mean(), past.std()],
                [t[end - 7:end].mean(), sun[end - 7:end].sum()],
                [pd.Timestamp(dates[end]).dayofyear, pd.Timestamp(dates[end]).dayofweek],
            ])
            feats.append(row)
            targets.append(s[end:end + HORIZON].sum())
            ends.append(dates[end - 1])
            kiosks.append(kid)
    return np.array(feats), np.array(targets), pd.to_datetime(ends), np.array(kiosks)


daily = load_daily(DATA)
X, y, end_dates, kiosk_ids = make_windows(daily)
print("windows:", X.shape, "kiosks:", len(np.unique(kiosk_ids)))

cutoff = end_dates.sort_values()[int(len(end_dates) * 0.8)]
train_mask = end_dates <= cutoff - pd.Timedelta(days=HORIZON)
test_mask = end_dates > cutoff
X_train, y_train = X[train_mask], y[train_mask]
X_test, y_test = X[test_mask], y[test_mask]
print("train until", (cutoff - pd.Timedelta(days=HORIZON)).date(), "| test after", cutoff.date())

model = HistGradientBoostingRegressor(max_iter=400, learning_rate=0.05, max_depth=6, random_state=5)
model.fit(X_train, y_train)
pred = model.predict(X_test)

naive = X_test[:, LOOKBACK - 7:LOOKBACK].sum(axis=1)
print(f"next-week cones MAE: model {mean_absolute_error(y_test, pred):.1f} | last-week naive {mean_absolute_error(y_test, naive):.1f}")
wape = np.abs(y_test - pred).sum() / y_test.sum()
print(f"WAPE {wape:.3%}")

fig, ax = plt.subplots(figsize=(6, 4))
ax.hist(y_test - pred, bins=50, color="palevioletred")
ax.set_xlabel("error (cones / week)")
ax.set_title("Kiosk weekly forecast residuals")
plt.tight_layout()
plt.savefig("kiosk_residuals.png")
