# label: leakage/none
"""Classify luthier grade (A/B/C) of spruce and maple tonewood planks from repeated tap-test acoustics."""
import numpy as np
import pandas as pd
from sklearn.metrics import classification_report, f1_score
from sklearn.model_selection import StratifiedGroupKFold
from sklearn.preprocessing import LabelEncoder
from xgboost import XGBClassifier

taps = pd.read_csv("tap_tests.csv")            # several taps per plank, different positions
planks = pd.read_csv("plank_register.csv")     # one row per plank, grade given by the luthier

df = taps.merge(planks[["plank_id", "species", "density_kg_m3", "moisture_pct",
                        "length_mm", "width_mm", "thickness_mm", "grade"]],
                on="plank_id", how="inner")
df = df[df["f1_hz"].between(40, 2000) & df["moisture_pct"].between(4, 16)].copy()

# acoustic features
df["f2_f1"] = df["f2_hz"] / df["f1_hz"]
df["f3_f1"] = df["f3_hz"] / df["f1_hz"]
df["spec_modulus"] = (df["f1_hz"] * df["length_mm"] / 1000) ** 2 / (df["thickness_mm"] ** 2)
df["sound_radiation"] = np.sqrt(df["spec_modulus"] / df["density_kg_m3"])
df["log_q"] = np.log(df["damping_q"])
df["is_maple"] = (df["species"] == "maple").astype(int)
df["tap_end"] = df["tap_position"].isin(["head", "tail"]).astype(int)

FEATURES = ["f1_hz", "f2_f1", "f3_f1", "log_q", "spec_modulus", "sound_radiation",
            "density_kg_m3", "moisture_pct", "width_mm", "thickness_mm", "is_maple", "tap_end"]
X = df[FEATURES].to_numpy()
enc = LabelEncoder()
y = enc.fit_transform(df["grade"])
groups = df["plank_id"].to_numpy()
print(f"{len(df)} taps from {df['plank_id'].nunique()} planks")

cv = StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=3)
oof = np.zeros(len(y), dtype=int)
fold_f1 = []
for fold, (tr, va) in enumerate(cv.split(X, y, groups)):
    model = XGBClassifier(
        n_estimators=350, max_depth=4, learning_rate=0.05, subsample=0.8,
        colsample_bytree=0.8, objective="multi:softprob", eval_metric="mlogloss",
    )
    model.fit(X[tr], y[tr])
    oof[va] = model.predict(X[va])
    fold_f1.append(f1_score(y[va], oof[va], average="macro"))
    print(f"fold {fold}: macro F1 {fold_f1[-1]:.3f}")

print(f"\nCV macro F1: {np.mean(fold_f1):.3f} +/- {np.std(fold_f1):.3f}")
print(classification_report(y, oof, target_names=enc.classes_))

# plank-level grade by majority over taps
plank_pred = pd.DataFrame({"plank_id": df["plank_id"].to_numpy(), "pred": oof, "true": y})
agg = plank_pred.groupby("plank_id").agg(pred=("pred", lambda s: s.mode().iloc[0]), true=("true", "first"))
print(f"plank-level accuracy: {(agg['pred'] == agg['true']).mean():.3f}")
