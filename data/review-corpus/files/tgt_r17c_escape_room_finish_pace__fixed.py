# label: leakage/none
# twin: tgt_r17c_escape_room_finish_pace__leaky.py
# source: hand-written for ai-ci, round 17 tuning probes (Apache-2.0)
import numpy as np
import pandas as pd
import statsmodels.formula.api as smf
import matplotlib.pyplot as plt
from sklearn.metrics import mean_absolute_error

BOOKINGS = "exports/escape_sessions.csv"
ROOMS = "exports/rooms.csv"
HOLDOUT_FROM = "2024-01-01"


def load():
    s = pd.read_csv(BOOKINGS, parse_dates=["start_time"])
    r = pd.read_csv(ROOMS)
    s = s.merge(r, on="room_id", how="left")
    s = s[s["outcome"] == "escaped"].copy()
    s = s[s["team_size"].between(2, 8)]
    return s


def team_profile(df):
    df["experience_per_player"] = df["prior_rooms_played"] / df["team_size"]
    df["first_timers"] = (df["prior_rooms_played"] == 0).astype(int)
    df["share_adults"] = df["adults"] / df["team_size"]
    df["evening"] = (df["start_time"].dt.hour >= 18).astype(int)
    df["weekend"] = (df["start_time"].dt.dayofweek >= 5).astype(int)
    return df


def room_norms(df):
    df["puzzles_per_player"] = df["puzzle_count"] / df["team_size"]
    df["log_finish"] = np.log(df["finish_min"])
    return df


sessions = load()
sessions = team_profile(sessions)
sessions = room_norms(sessions)

train = sessions[sessions["start_time"] < HOLDOUT_FROM]
test = sessions[sessions["start_time"] >= HOLDOUT_FROM]
print("train", len(train), "test", len(test))

formula = (
    "log_finish ~ C(room_id) + team_size + I(team_size**2) + experience_per_player"
    " + first_timers + share_adults + evening + weekend + C(language)"
    " + puzzles_per_player + corporate_booking"
)
ols = smf.ols(formula, data=train).fit(cov_type="HC1")
print(ols.summary().tables[1])

pred_min = np.exp(ols.predict(test))
mae = mean_absolute_error(test["finish_min"], pred_min)
print(f"holdout MAE: {mae:.2f} min")

resid = test["finish_min"] - pred_min
for room, part in test.assign(resid=resid).groupby("room_id"):
    print(f"{room:>14s}  n={len(part):4d}  bias={part['resid'].mean():+.2f}")

fig, ax = plt.subplots(1, 2, figsize=(10, 4))
ax[0].scatter(pred_min, test["finish_min"], s=6, alpha=0.4)
ax[0].set_xlabel("predicted minutes")
ax[0].set_ylabel("actual minutes")
ax[1].hist(resid, bins=40)
ax[1].set_title("residuals")
fig.tight_layout()
fig.savefig("escape_finish_fit.png")
