# label: leakage/none
"""Flying-200m time from ergometer and track-session metrics.

Used by the talent programme to estimate what a newly recruited rider would clock
over a flying 200 from their first lab and track sessions. Each rider appears in
many sessions.
"""
import numpy as np
import pandas as pd
import matplotlib.pyplot as plt
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import GradientBoostingRegressor
from sklearn.linear_model import RidgeCV
from sklearn.metrics import mean_absolute_error, r2_score
from sklearn.model_selection import GroupKFold, cross_val_predict
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

SESSIONS = "data/velodrome_sessions.csv"
RIDERS = "data/velodrome_riders.csv"
NUM = [
    "peak_power_w", "power_5s_w", "power_30s_w", "peak_cadence_rpm", "standing_lap_s",
    "gear_inches", "track_temp_c", "height_cm", "mass_kg", "age",
]
CAT = ["sex", "bike_model", "velodrome"]
TARGET = "flying_200_s"


def load():
    sessions = pd.read_csv(SESSIONS, parse_dates=["session_date"])
    riders = pd.read_csv(RIDERS)
    df = sessions.merge(riders, on="rider_id", how="inner", validate="many_to_one")
    df["age"] = (df["session_date"] - pd.to_datetime(df["birth_date"])).dt.days / 365.25
    df["power_to_mass"] = df["peak_power_w"] / df["mass_kg"]
    df = df[df[TARGET].between(9.0, 14.0)].dropna(subset=NUM + [TARGET])
    return df.reset_index(drop=True)


def make_models():
    prep = ColumnTransformer([
        ("num", StandardScaler(), NUM + ["power_to_mass"]),
        ("cat", OneHotEncoder(handle_unknown="ignore"), CAT),
    ])
    return {
        "ridge": make_pipeline(prep, RidgeCV(alphas=np.logspace(-2, 3, 20))),
        "gbr": make_pipeline(prep, GradientBoostingRegressor(
            n_estimators=400, max_depth=3, learning_rate=0.05, subsample=0.8, random_state=5)),
    }


def report(name, y, pred):
    mae = mean_absolute_error(y, pred)
    r2 = r2_score(y, pred)
    print(f"{name:>6s}: MAE {mae:.3f}s  R2 {r2:.3f}")
    return mae


df = load()
X, y = df[NUM + ["power_to_mass"] + CAT], df[TARGET]
print(f"{len(df)} sessions from {df['rider_id'].nunique()} riders")
print(df.groupby("sex")[TARGET].describe().round(2))

cv = GroupKFold(n_splits=5)
oof = {}
for name, model in make_models().items():
    oof[name] = cross_val_predict(model, X, y, cv=cv, groups=df["rider_id"], n_jobs=-1)
    report(name, y, oof[name])

best = "gbr"
df["pred"] = oof[best]
df["abs_err"] = (df["pred"] - df[TARGET]).abs()
print(df.groupby("velodrome")["abs_err"].mean().round(3))

fig, ax = plt.subplots(figsize=(5, 5))
ax.scatter(df[TARGET], df["pred"], s=6, alpha=0.4)
lims = [df[TARGET].min(), df[TARGET].max()]
ax.plot(lims, lims, "k--", lw=1)
ax.set_xlabel("actual flying 200 (s)")
ax.set_ylabel(f"{best} out-of-fold prediction (s)")
fig.tight_layout()
fig.savefig("velodrome_oof.png", dpi=120)
