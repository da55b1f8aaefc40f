# label: leakage/none
"""Pot probability for the table-tracking overlay, updated match day by match day.

The overlay model is retrained incrementally after every session, so it is
evaluated the same way: walk through the match days in order and keep score.
"""
import numpy as np
import pandas as pd
import matplotlib.pyplot as plt
from sklearn.linear_model import SGDClassifier
from sklearn.metrics import brier_score_loss, log_loss, roc_auc_score
from sklearn.preprocessing import StandardScaler

SHOTS = "data/tracked_shots.parquet"
NUMERIC = ["cue_to_object_mm", "object_to_pocket_mm", "cut_angle_deg", "cushion_gap_mm",
           "player_rank", "break_so_far", "frame_score_diff", "reds_remaining", "shot_clock_s"]
SHOT_TYPES = ["long", "medium", "short", "rest", "swan", "extension"]
WARMUP_DAYS = 30


def load_shots(path):
    shots = pd.read_parquet(path)
    shots = shots[shots["shot_intent"] == "pot"].copy()
    shots["match_day"] = pd.to_datetime(shots["match_start"]).dt.normalize()
    shots["player_rank"] = np.log1p(shots["player_rank"].clip(upper=256))
    for t in SHOT_TYPES:
        shots[f"type_{t}"] = (shots["shot_type"] == t).astype(float)
    return shots.sort_values(["match_day", "match_id", "shot_no"]).reset_index(drop=True)


def matrix(frame, scaler):
    num = scaler.transform(frame[NUMERIC])
    dummies = frame[[f"type_{t}" for t in SHOT_TYPES]].to_numpy()
    return np.hstack([num, dummies])


shots = load_shots(SHOTS)
days = shots["match_day"].drop_duplicates().sort_values().to_list()
print(f"{len(shots)} pot attempts over {len(days)} match days")

warm = shots[shots["match_day"].isin(days[:WARMUP_DAYS])]
scaler = StandardScaler().fit(warm[NUMERIC])
model = SGDClassifier(loss="log_loss", alpha=1e-4, learning_rate="adaptive", eta0=0.01, random_state=0)
model.partial_fit(matrix(warm, scaler), warm["potted"].to_numpy(), classes=np.array([0, 1]))

records = []
for day in days[WARMUP_DAYS:]:
    batch = shots[shots["match_day"] == day]
    if batch.empty:
        continue
    Xb = matrix(batch, scaler)
    yb = batch["potted"].to_numpy()
    p = model.predict_proba(Xb)[:, 1]
    model.partial_fit(Xb, yb)
    records.append(pd.DataFrame({"day": day, "y": yb, "p": p}))
    scaler.partial_fit(batch[NUMERIC])

scored = pd.concat(records, ignore_index=True)
print("stream ROC AUC :", round(roc_auc_score(scored["y"], scored["p"]), 4))
print("stream log loss:", round(log_loss(scored["y"], scored["p"]), 4))
print("stream Brier   :", round(brier_score_loss(scored["y"], scored["p"]), 4))

monthly = (scored.assign(month=scored["day"].dt.to_period("M"))
           .groupby("month")
           .apply(lambda g: pd.Series({"n": len(g), "brier": brier_score_loss(g["y"], g["p"])})))
print(monthly.tail(12))

fig, ax = plt.subplots(figsize=(8, 3))
monthly["brier"].plot(ax=ax, marker="o")
ax.set_ylabel("Brier score")
ax.set_title("Overlay pot model, month by month")
fig.tight_layout()
fig.savefig("figures/overlay_brier_by_month.png", dpi=110)
