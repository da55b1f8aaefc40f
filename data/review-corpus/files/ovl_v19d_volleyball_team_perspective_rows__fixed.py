# label: leakage/none
"""Volleyball league: win probability from pre-match team form (team-perspective rows)."""
import pandas as pd
import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.metrics import accuracy_score, log_loss, brier_score_loss
from sklearn.model_selection import GroupShuffleSplit
from sklearn.calibration import calibration_curve

MATCHES = "data/volley_matches.csv"
STATS = ["elo_pre", "form_last5", "set_ratio_last10", "serve_ace_rate_prev",
         "reception_eff_prev", "block_pts_per_set_prev", "rest_days",
         "travel_km", "injured_starters"]


def team_view(matches, side):
    other = "away" if side == "home" else "home"
    out = pd.DataFrame({
        "match_id": matches["match_id"],
        "season": matches["season"],
        "team": matches[f"{side}_team"],
        "opponent": matches[f"{other}_team"],
        "is_home": int(side == "home"),
    })
    for s in STATS:
        out[f"own_{s}"] = matches[f"{side}_{s}"].values
        out[f"opp_{s}"] = matches[f"{other}_{s}"].values
        out[f"diff_{s}"] = out[f"own_{s}"] - out[f"opp_{s}"]
    won_home = matches["home_sets"] > matches["away_sets"]
    out["won"] = (won_home if side == "home" else ~won_home).astype(int).values
    return out


class WinModel:
    def __init__(self, C=0.5):
        self.cols = None
        self.pipe = make_pipeline(StandardScaler(), LogisticRegression(C=C, max_iter=2000))

    def fit(self, frame):
        self.cols = [c for c in frame.columns if c.startswith(("own_", "opp_", "diff_"))]
        self.cols.append("is_home")
        self.pipe.fit(frame[self.cols], frame["won"])
        return self

    def proba(self, frame):
        return self.pipe.predict_proba(frame[self.cols])[:, 1]


matches = pd.read_csv(MATCHES)
matches = matches.dropna(subset=["home_elo_pre", "away_elo_pre"])
rows = pd.concat([team_view(matches, "home"), team_view(matches, "away")],
                 ignore_index=True)
print(f"{len(matches)} matches -> {len(rows)} team rows")

gss = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=19)
train_idx, test_idx = next(gss.split(rows, groups=rows["match_id"]))
train, test = rows.iloc[train_idx], rows.iloc[test_idx]

model = WinModel(C=0.5).fit(train)
p = model.proba(test)
print(f"accuracy    {accuracy_score(test['won'], p > 0.5):.3f}")
print(f"log loss    {log_loss(test['won'], p):.4f}")
print(f"brier       {brier_score_loss(test['won'], p):.4f}")

frac_pos, mean_pred = calibration_curve(test["won"], p, n_bins=10)
for mp, fp in zip(mean_pred, frac_pos):
    print(f"  predicted {mp:.2f} -> observed {fp:.2f}")

home_edge = test.loc[test["is_home"] == 1, "won"].mean()
print(f"home win rate in evaluation rows: {home_edge:.3f}")
