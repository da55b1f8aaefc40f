# label: leakage/none
# Silk scarf dye house: probability that a dye lot fails the shade check against the
# approved standard (spectro delta E CMC > 1.0 under D65). Scored when the lot is
# scheduled, so the colourist can review recipes for the riskiest lots.

import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.metrics import log_loss, roc_auc_score

lots = pd.read_csv("dyehouse/lots_2021_2024.csv",
                   parse_dates=["scheduled_on", "dyed_on", "dispatched_on"])
lots = lots.dropna(subset=["delta_e_cmc"]).sort_values("dyed_on").reset_index(drop=True)
lots["shade_fail"] = (lots["delta_e_cmc"] > 1.0).astype(int)

# recipe and process descriptors
lots["depth_owf_pct"] = lots[["dye1_owf", "dye2_owf", "dye3_owf"]].sum(axis=1)
lots["n_dyes"] = (lots[["dye1_owf", "dye2_owf", "dye3_owf"]] > 0).sum(axis=1)
lots["minor_dye_share"] = lots[["dye2_owf", "dye3_owf"]].sum(axis=1) / lots["depth_owf_pct"]
lots["kg_per_litre"] = lots["fabric_kg"] / lots["bath_litres"]
lots["month"] = lots["dyed_on"].dt.month

categorical = ["machine", "colour_family", "fabric_quality", "greige_supplier", "shift"]
for col in categorical:
    lots[col] = lots[col].astype("category")

features = categorical + [
    "fabric_gsm", "fabric_kg", "depth_owf_pct", "n_dyes", "minor_dye_share",
    "kg_per_litre", "target_temp_c", "ramp_c_per_min", "hold_min", "bath_ph_set",
    "water_hardness_ppm", "lab_dip_delta_e", "recipe_age_days", "new_recipe",
    "month",
]

cut = int(len(lots) * 0.8)
train, test = lots.iloc[:cut], lots.iloc[cut:]
print(f"train lots {len(train)} ({train['dyed_on'].min():%Y-%m} to {train['dyed_on'].max():%Y-%m}), "
      f"test lots {len(test)}; fail rate {train['shade_fail'].mean():.2%} / {test['shade_fail'].mean():.2%}")

params = {
    "objective": "binary",
    "learning_rate": 0.03,
    "num_leaves": 24,
    "min_data_in_leaf": 30,
    "feature_fraction": 0.8,
    "bagging_fraction": 0.8,
    "bagging_freq": 1,
    "lambda_l2": 2.0,
    "verbose": -1,
    "seed": 8,
}
booster = lgb.train(params, lgb.Dataset(train[features], train["shade_fail"]),
                    num_boost_round=450)

proba = booster.predict(test[features])
print(f"test ROC AUC:  {roc_auc_score(test['shade_fail'], proba):.3f}")
print(f"test log loss: {log_loss(test['shade_fail'], proba):.4f}")

by_family = (test.assign(p=proba)
             .groupby("colour_family", observed=True)
             .agg(lots=("shade_fail", "size"), fail_rate=("shade_fail", "mean"), mean_p=("p", "mean")))
print(by_family.round(3))

gain = pd.Series(booster.feature_importance("gain"), index=features)
print((gain / gain.sum()).sort_values(ascending=False).head(10).round(3))

review = test.assign(p=proba).nlargest(int(np.ceil(0.15 * len(test))), "p")
print(f"fails caught by reviewing top 15% of lots: "
      f"{review['shade_fail'].sum() / test['shade_fail'].sum():.1%}")
