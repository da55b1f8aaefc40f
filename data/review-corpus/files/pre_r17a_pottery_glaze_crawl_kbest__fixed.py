# label: leakage/none
# twin: pre_r17a_pottery_glaze_crawl_kbest__leaky.py
# source: hand-written for ai-ci, round 17 tuning probes (Apache-2.0)
# Studio glaze test tiles: which recipes crawl or pinhole after a cone-6 firing?
# Recipes are stored as oxide weight percentages (unity formula computed upstream).
# Licensed under the Apache License 2.0.
import numpy as np
import pandas as pd
import matplotlib.pyplot as plt
from sklearn.feature_selection import SelectKBest, mutual_info_classif
from sklearn.model_selection import StratifiedGroupKFold, cross_validate
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVC

CONFIG = {
    "tiles": "glaze_lab/test_tiles.csv",
    "firings": "glaze_lab/kiln_logs.csv",
    "k_features": 12,
    "n_splits": 5,
    "seed": 5,
}

OXIDES = [
    "SiO2", "Al2O3", "B2O3", "CaO", "MgO", "Na2O", "K2O", "Li2O", "ZnO",
    "SrO", "BaO", "TiO2", "ZrO2", "Fe2O3", "CoO", "CuO", "MnO", "P2O5", "SnO2",
]
PROCESS = [
    "application_thickness_mm", "specific_gravity", "bisque_cone", "peak_temp_c",
    "hold_minutes", "cool_rate_c_per_h", "clay_body_shrinkage_pct", "days_since_mixed",
]


def oxide_ratios(df):
    flux = df[["CaO", "MgO", "Na2O", "K2O", "Li2O", "ZnO", "SrO", "BaO"]].sum(axis=1)
    df["si_al_ratio"] = df["SiO2"] / df["Al2O3"].replace(0, np.nan)
    df["flux_total"] = flux
    df["alkali_share"] = df[["Na2O", "K2O", "Li2O"]].sum(axis=1) / flux.replace(0, np.nan)
    df["zn_high"] = (df["ZnO"] > 0.15).astype(int)
    return df


def load(cfg):
    tiles = pd.read_csv(cfg["tiles"])
    kiln = pd.read_csv(cfg["firings"])
    df = tiles.merge(kiln, on="firing_id", how="inner")
    df[OXIDES] = df[OXIDES].fillna(0.0)
    df = oxide_ratios(df)
    df["defect"] = df["defect_code"].isin(["CRAWL", "PINHOLE"]).astype(int)
    return df.dropna(subset=PROCESS + ["si_al_ratio", "alkali_share"])


data = load(CONFIG)
feature_names = OXIDES + PROCESS + ["si_al_ratio", "flux_total", "alkali_share", "zn_high"]
X = data[feature_names].to_numpy()
y = data["defect"].to_numpy()
recipes = data["recipe_id"].to_numpy()
print(f"{len(y)} tiles from {len(np.unique(recipes))} recipes, defect rate {y.mean():.2%}")

clf = make_pipeline(
    SelectKBest(mutual_info_classif, k=CONFIG["k_features"]),
    StandardScaler(),
    SVC(C=3.0, gamma="scale", class_weight="balanced", probability=True, random_state=CONFIG["seed"]),
)
cv = StratifiedGroupKFold(n_splits=CONFIG["n_splits"], shuffle=True, random_state=CONFIG["seed"])
scores = cross_validate(
    clf, X, y, groups=recipes, cv=cv, scoring=["roc_auc", "balanced_accuracy", "f1"]
)

for metric in ["roc_auc", "balanced_accuracy", "f1"]:
    vals = scores[f"test_{metric}"]
    print(f"{metric:>18}: {vals.mean():.3f} +/- {vals.std():.3f}")

clf.fit(X, y)
selector = clf.named_steps["selectkbest"]
kept = [f for f, keep in zip(feature_names, selector.get_support()) if keep]
print("kept:", kept)

mi = pd.Series(selector.scores_, index=feature_names).sort_values(ascending=False)
plt.figure(figsize=(8, 4))
mi.head(20).plot.bar()
plt.ylabel("mutual information with defect")
plt.tight_layout()
plt.savefig("glaze_mi_scores.png")
