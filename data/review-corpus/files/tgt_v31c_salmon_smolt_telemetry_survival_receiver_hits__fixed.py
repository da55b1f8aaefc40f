# label: leakage/none
"""Outmigration survival of acoustic-tagged Chinook smolts, release site to estuary.

A fish counts as surviving when it is detected on the Golden Gate / estuary arrays
(river km < 10). Fitted as a binomial GLM with release sites pooled; release year 2023
is held out.
"""
import numpy as np
import pandas as pd
import statsmodels.api as sm
import statsmodels.formula.api as smf
from sklearn.metrics import brier_score_loss, roc_auc_score

ESTUARY_RKM = 10.0


def load():
    tags = pd.read_csv("telemetry/tagged_fish.csv", parse_dates=["release_time"])
    dets = pd.read_csv("telemetry/detections_filtered.csv", parse_dates=["detection_time"])
    dets = dets.merge(tags[["tag_id", "release_time"]], on="tag_id")
    dets = dets[dets["detection_time"] > dets["release_time"]]
    return tags, dets


def detection_summary(dets):
    per_fish = dets.groupby("tag_id").agg(
        min_rkm=("rkm", "min"),
    )
    per_fish["survived"] = (per_fish["min_rkm"] < ESTUARY_RKM).astype(int)
    return per_fish.reset_index()


tags, dets = load()
fish = tags.merge(detection_summary(dets), on="tag_id", how="left")
fish["survived"] = fish["survived"].fillna(0).astype(int)
fish["release_year"] = fish["release_time"].dt.year
fish["doy"] = fish["release_time"].dt.dayofyear
fish["log_flow"] = np.log(fish["flow_cms_at_release"])
fish["k_factor"] = 1e5 * fish["mass_g"] / fish["fork_length_mm"] ** 3

train = fish[fish["release_year"] < 2023]
test = fish[fish["release_year"] == 2023]

formula = (
    "survived ~ fork_length_mm + k_factor + C(origin) + C(release_site) + doy + "
    "log_flow + water_temp_c + turbidity_ntu"
)
glm = smf.glm(formula, data=train, family=sm.families.Binomial()).fit()
print(glm.summary())

p = glm.predict(test)
print(f"2023 releases: {len(test)} fish, observed survival {test['survived'].mean():.3f}, "
      f"predicted {p.mean():.3f}")
print(f"AUC {roc_auc_score(test['survived'], p):.3f}  Brier {brier_score_loss(test['survived'], p):.4f}")

by_site = test.assign(pred=p).groupby("release_site")[["survived", "pred"]].mean()
print(by_site.round(3))
