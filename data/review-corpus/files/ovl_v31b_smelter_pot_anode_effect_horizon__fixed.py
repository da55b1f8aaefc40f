# label: leakage/none
"""Day-ahead anode effect warning for potline 2.

Hourly pot snapshots from the cell controller historian are joined to the
anode effect event log. For each pot-hour we predict whether an anode effect
starts within the next 24 hours, so the shift can bring the alumina feed
forward or schedule a check on the pot.
"""
import lightgbm as lgb
import pandas as pd
from sklearn.metrics import average_precision_score, roc_auc_score

HORIZON_H = 24
CUTOFF = pd.Timestamp("2023-09-01")


def load_snapshots():
    snap = pd.read_parquet("historian/potline2_hourly.parquet")
    snap["ts"] = snap["ts"].dt.floor("h")
    events = pd.read_csv("historian/potline2_anode_effects.csv", parse_dates=["start_ts"])
    events["ts"] = events["start_ts"].dt.floor("h")
    ae = events.groupby(["pot_id", "ts"]).size().rename("ae_count").reset_index()
    df = snap.merge(ae, on=["pot_id", "ts"], how="left")
    df["ae_count"] = df["ae_count"].fillna(0)
    return df.sort_values(["pot_id", "ts"]).reset_index(drop=True)


def add_features(df):
    g = df.groupby("pot_id")
    for col in ["pot_voltage_v", "noise_mv", "feed_rate_kg_h", "bath_temp_c"]:
        df[f"{col}_mean6"] = g[col].transform(lambda s: s.rolling(6, min_periods=1).mean())
        df[f"{col}_std24"] = g[col].transform(lambda s: s.rolling(24, min_periods=2).std())
    df["voltage_slope_3h"] = g["pot_voltage_v"].diff(3) / 3
    prev_ae = g["ae_count"].shift(1).fillna(0)
    df["hours_since_ae"] = prev_ae.groupby(df["pot_id"]).transform(
        lambda s: s.gt(0).cumsum().groupby(s.gt(0).cumsum()).cumcount())
    df["ae_last_7d"] = prev_ae.groupby(df["pot_id"]).transform(
        lambda s: s.rolling(168, min_periods=1).sum())
    df["hour"] = df["ts"].dt.hour
    return df


def add_target(df):
    ahead = df.groupby("pot_id")["ae_count"].transform(
        lambda s: s[::-1].rolling(HORIZON_H, min_periods=1).max()[::-1].shift(-1))
    df["ae_next_24h"] = (ahead > 0).astype(float).where(ahead.notna())
    return df.dropna(subset=["ae_next_24h"])


df = add_target(add_features(load_snapshots()))
FEATURES = [c for c in df.columns if c.endswith(("_mean6", "_std24"))] + [
    "voltage_slope_3h", "hours_since_ae", "ae_last_7d", "hour",
    "cell_age_days", "bath_ratio", "alumina_pct", "metal_height_cm", "anode_change_h",
]

train = df[df["ts"] < CUTOFF - pd.Timedelta(hours=HORIZON_H)]
test = df[df["ts"] >= CUTOFF]
print(f"train {len(train):,} pot-hours ({train['ae_next_24h'].mean():.3%} positive)")
print(f"test  {len(test):,} pot-hours ({test['ae_next_24h'].mean():.3%} positive)")

params = dict(objective="binary", learning_rate=0.03, num_leaves=63,
              min_child_samples=200, feature_fraction=0.8, bagging_fraction=0.8,
              bagging_freq=1, scale_pos_weight=5.0, verbose=-1, seed=17)
booster = lgb.train(params, lgb.Dataset(train[FEATURES], train["ae_next_24h"]),
                    num_boost_round=800)

p = booster.predict(test[FEATURES])
print(f"ROC AUC {roc_auc_score(test['ae_next_24h'], p):.3f}")
print(f"PR AUC  {average_precision_score(test['ae_next_24h'], p):.3f}")

alerts = test.assign(p=p).sort_values("p", ascending=False).head(int(0.02 * len(test)))
print(f"precision in top 2% of pot-hours: {alerts['ae_next_24h'].mean():.2f}")
print(pd.Series(booster.feature_importance("gain"), index=FEATURES)
      .sort_values(ascending=False).head(10).round(0))
