# label: leakage/none
# twin: pre_v14_asteroid_select_kbest__leaky.py
# source: hand-written for ai-ci held-out v14 (Apache-2.0)
"""Predict an asteroid's taxonomic complex (C / S / X / D / V) from survey colours, albedo and orbit."""
import numpy as np
import pandas as pd
from sklearn.feature_selection import SelectKBest, mutual_info_classif
from sklearn.model_selection import StratifiedKFold, cross_val_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import LabelEncoder
from xgboost import XGBClassifier

CATALOG = "data/minor_planets/taxonomy_training_catalog.csv"
COMPLEXES = ["C", "S", "X", "D", "V"]
BANDS = ["u", "g", "r", "i", "z"]
K_FEATURES = 15


def engineer(df):
    out = df.copy()
    for a, b in zip(BANDS, BANDS[1:]):
        out[f"{a}_{b}"] = out[f"mag_{a}"] - out[f"mag_{b}"]
    out["slope_gi"] = (out["mag_g"] - out["mag_i"]) / 0.29
    out["z_drop"] = out["mag_i"] - out["mag_z"]
    out["w1_w2"] = out["mag_w1"] - out["mag_w2"]
    out["log_albedo"] = np.log10(out["albedo"].clip(lower=1e-3))
    out["log_diameter"] = np.log10(out["diameter_km"].clip(lower=1e-2))
    out["q_au"] = out["a_au"] * (1 - out["e"])
    out["Q_au"] = out["a_au"] * (1 + out["e"])
    out["tisserand_j"] = 5.204 / out["a_au"] + 2 * np.cos(np.radians(out["i_deg"])) * np.sqrt(
        out["a_au"] / 5.204 * (1 - out["e"] ** 2)
    )
    return out


def main():
    raw = pd.read_csv(CATALOG)
    raw = raw[raw["complex"].isin(COMPLEXES)]
    df = engineer(raw).dropna()
    feature_cols = [c for c in df.columns if c not in ("designation", "complex")]
    X = df[feature_cols].to_numpy()
    y = LabelEncoder().fit_transform(df["complex"])
    print(f"{len(df)} asteroids, {len(feature_cols)} candidate features")

    selector = SelectKBest(mutual_info_classif, k=K_FEATURES)

    booster = XGBClassifier(
        n_estimators=400,
        max_depth=4,
        learning_rate=0.05,
        subsample=0.9,
        colsample_bytree=0.8,
        tree_method="hist",
        eval_metric="mlogloss",
        random_state=1,
    )
    model = make_pipeline(selector, booster)
    cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=1)
    scores = cross_val_score(model, X, y, cv=cv, scoring="balanced_accuracy")
    print(f"balanced accuracy: {scores.mean():.4f} +/- {scores.std():.4f}")


if __name__ == "__main__":
    main()
