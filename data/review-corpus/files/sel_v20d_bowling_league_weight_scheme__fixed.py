# label: leakage/none
"""Predict a bowler's next league game score from recent form and lane conditions."""
import numpy as np
import pandas as pd
import matplotlib.pyplot as plt
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.metrics import mean_absolute_error, r2_score

CFG = {
    "path": "data/league_games.csv",
    "seed": 11,
    "test_frac": 0.2,
    "house_pattern_ft": 41.0,
    "val_frac": 0.2,
    "features": [
        "avg_last_5", "avg_last_15", "std_last_15", "handicap", "lane_number",
        "oil_pattern_length", "ball_weight_lb", "games_this_season", "is_home_center",
        "start_hour",
    ],
    "target": "game_score",
}


def load_games(path):
    df = pd.read_csv(path, parse_dates=["game_date"])
    df = df.dropna(subset=[CFG["target"], "avg_last_5"])
    df["start_hour"] = df["game_date"].dt.hour
    df["is_home_center"] = (df["center_id"] == df["home_center_id"]).astype(int)
    df["oil_pattern_length"] = df["oil_pattern_length"].fillna(CFG["house_pattern_ft"])
    return df.sort_values("game_date").reset_index(drop=True)


def make_weights(frame, scheme):
    if scheme == "uniform":
        return np.ones(len(frame))
    if scheme == "experience":
        return np.log1p(frame["games_this_season"].to_numpy()) + 1.0
    if scheme == "recency":
        age_days = (frame["game_date"].max() - frame["game_date"]).dt.days.to_numpy()
        return np.exp(-age_days / 120.0)
    if scheme == "inverse_variance":
        return 1.0 / (frame["std_last_15"].clip(lower=5).to_numpy() ** 2) * 400.0
    raise ValueError(scheme)


games = load_games(CFG["path"])
print(games.shape, games["league_id"].nunique(), "leagues")

cutoff = games["game_date"].quantile(1 - CFG["test_frac"])
train_df = games[games["game_date"] < cutoff]
test_df = games[games["game_date"] >= cutoff]
print("train until", cutoff.date(), len(train_df), "| test", len(test_df))
val_cutoff = train_df["game_date"].quantile(1 - CFG["val_frac"])
fit_df = train_df[train_df["game_date"] < val_cutoff]
val_df = train_df[train_df["game_date"] >= val_cutoff]

X_fit, y_fit = fit_df[CFG["features"]], fit_df[CFG["target"]]
X_val, y_val = val_df[CFG["features"]], val_df[CFG["target"]]
X_test, y_test = test_df[CFG["features"]], test_df[CFG["target"]]

results = {}
models = {}
for scheme in ["uniform", "experience", "recency", "inverse_variance"]:
    reg = HistGradientBoostingRegressor(
        max_iter=400, learning_rate=0.05, max_leaf_nodes=31, l2_regularization=1.0,
        random_state=CFG["seed"],
    )
    reg.fit(X_fit, y_fit, sample_weight=make_weights(fit_df, scheme))
    preds = reg.predict(X_val)
    results[scheme] = mean_absolute_error(y_val, preds)
    models[scheme] = reg
    print(f"{scheme:>17s}  MAE={results[scheme]:.2f}")

best_scheme = min(results, key=results.get)
final = models[best_scheme]
test_pred = final.predict(X_test)

print("chosen weighting:", best_scheme)
print("test MAE: %.2f pins" % mean_absolute_error(y_test, test_pred))
print("test R2:  %.3f" % r2_score(y_test, test_pred))

fig, ax = plt.subplots(figsize=(5, 5))
ax.scatter(y_test, test_pred, s=4, alpha=0.4)
ax.plot([80, 300], [80, 300], color="k", lw=1)
ax.set_xlabel("actual score")
ax.set_ylabel("predicted score")
ax.set_title(f"HGB ({best_scheme} weights)")
fig.tight_layout()
fig.savefig("bowling_pred_vs_actual.png", dpi=120)
