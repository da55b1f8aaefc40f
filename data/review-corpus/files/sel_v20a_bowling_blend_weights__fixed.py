# label: leakage/none
"""Series-total model for the Thursday league: predict a bowler's three-game total
from the first game's frame log plus rolling league history, blending a GBM with a ridge."""
import numpy as np
import pandas as pd
import lightgbm as lgb
import matplotlib.pyplot as plt
from sklearn.linear_model import RidgeCV
from sklearn.metrics import mean_absolute_error
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

CFG = {
    "path": "data/league_nights.csv",
    "target": "series_total",
    "seed": 11,
    "test_frac": 0.2,
    "weight_grid": np.linspace(0.0, 1.0, 21),
}
OIL_PATTERNS = pd.CategoricalDtype(["house", "sport", "challenge", "recreational"])
NUMERIC = [
    "g1_score", "g1_strikes", "g1_spares", "g1_open_frames", "g1_splits",
    "avg_last_10", "handicap", "lane_oil_length_ft", "games_this_season",
    "ball_weight_lb", "strike_rate_g1", "fill_rate_g1",
]
FEATURES = NUMERIC + ["oil_pattern"]


def load(path):
    df = pd.read_csv(path, parse_dates=["night"])
    df = df.dropna(subset=[CFG["target"], "g1_score"])
    df["strike_rate_g1"] = df["g1_strikes"] / 10.0
    chances = (10 - df["g1_strikes"]).clip(lower=1)
    df["fill_rate_g1"] = df["g1_spares"] / chances
    df["oil_pattern"] = df["oil_pattern"].str.lower().astype(OIL_PATTERNS)
    return df.sort_values("night").reset_index(drop=True)


def split_by_night(df, frac):
    cutoff = df["night"].quantile(1 - frac)
    return df[df["night"] <= cutoff], df[df["night"] > cutoff]


def fit_models(part):
    gbm = lgb.LGBMRegressor(
        n_estimators=400, learning_rate=0.03, num_leaves=31,
        subsample=0.8, subsample_freq=1, colsample_bytree=0.8,
        random_state=CFG["seed"], verbose=-1,
    )
    gbm.fit(part[FEATURES], part[CFG["target"]])
    ridge = make_pipeline(StandardScaler(), RidgeCV(alphas=np.logspace(-2, 3, 20)))
    ridge.fit(part[NUMERIC], part[CFG["target"]])
    return gbm, ridge


def component_preds(models, part):
    gbm, ridge = models
    return gbm.predict(part[FEATURES]), ridge.predict(part[NUMERIC])


def pick_weight(p_gbm, p_ridge, y_true):
    scores = {}
    for w in CFG["weight_grid"]:
        scores[round(float(w), 2)] = mean_absolute_error(y_true, w * p_gbm + (1 - w) * p_ridge)
    best = min(scores, key=scores.get)
    return best, scores


df = load(CFG["path"])
train, test = split_by_night(df, CFG["test_frac"])
print(f"train nights: {train['night'].nunique()}  test nights: {test['night'].nunique()}")

inner, val = split_by_night(train, CFG["test_frac"])
val_models = fit_models(inner)
v_gbm, v_ridge = component_preds(val_models, val)
best_w, curve = pick_weight(v_gbm, v_ridge, val[CFG["target"]])

models = fit_models(train)
p_gbm, p_ridge = component_preds(models, test)

blend = best_w * p_gbm + (1 - best_w) * p_ridge
print(f"gbm only MAE:   {mean_absolute_error(test[CFG['target']], p_gbm):.2f}")
print(f"ridge only MAE: {mean_absolute_error(test[CFG['target']], p_ridge):.2f}")
print(f"blend (w_gbm={best_w:.2f}) MAE: {mean_absolute_error(test[CFG['target']], blend):.2f}")

fig, ax = plt.subplots(1, 2, figsize=(10, 4))
ax[0].plot(list(curve.keys()), list(curve.values()), marker="o")
ax[0].set_xlabel("weight on GBM")
ax[0].set_ylabel("MAE (pins)")
ax[1].scatter(test[CFG["target"]], blend, s=6, alpha=0.5)
ax[1].set_xlabel("actual series")
ax[1].set_ylabel("predicted series")
fig.tight_layout()
fig.savefig("blend_report.png", dpi=120)
