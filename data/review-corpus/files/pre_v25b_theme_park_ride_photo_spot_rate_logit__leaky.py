# label: leakage/preprocessing
"""Model whether theme-park guests buy their on-ride photo, using smoothed photo-spot purchase rates."""
import numpy as np
import pandas as pd
import statsmodels.formula.api as smf
from sklearn.metrics import log_loss, roc_auc_score
from sklearn.model_selection import train_test_split

views = pd.read_csv("photo_kiosk_views.csv", parse_dates=["ride_exit_time"])
spots = pd.read_csv("camera_spots.csv")
df = views.merge(spots[["spot_id", "ride_type", "drop_height_m"]], on="spot_id", how="left")

df = df[df["party_size"].between(1, 12)].copy()
df["hour"] = df["ride_exit_time"].dt.hour
df["evening"] = (df["hour"] >= 17).astype(int)
df["weekend"] = (df["ride_exit_time"].dt.dayofweek >= 5).astype(int)
df["season_pass"] = df["ticket_type"].eq("season").astype(int)
df["log_queue"] = np.log1p(df["queue_minutes"])
df["ride_type"] = df["ride_type"].fillna("other")


def smoothed_rate(frame, key, target, prior_weight=50):
    prior = frame[target].mean()
    stats = frame.groupby(key)[target].agg(["sum", "count"])
    return (stats["sum"] + prior * prior_weight) / (stats["count"] + prior_weight), prior


# around 900 camera spots, too many for dummies
spot_rate, prior = smoothed_rate(df, "spot_id", "bought")
df["spot_rate"] = df["spot_id"].map(spot_rate).fillna(prior)
df["logit_spot"] = np.log(df["spot_rate"] / (1 - df["spot_rate"]))

train, test = train_test_split(df, test_size=0.25, stratify=df["bought"], random_state=5)

formula = ("bought ~ logit_spot + C(ride_type) + party_size + I(party_size**2) + "
           "evening + weekend + season_pass + log_queue + drop_height_m")
fit = smf.logit(formula, data=train).fit(disp=False, maxiter=200)
print(fit.summary().tables[1])

p = fit.predict(test)
print(f"test AUC:      {roc_auc_score(test['bought'], p):.3f}")
print(f"test log loss: {log_loss(test['bought'], p):.4f}")
print(f"base rate:     {test['bought'].mean():.3f}")
