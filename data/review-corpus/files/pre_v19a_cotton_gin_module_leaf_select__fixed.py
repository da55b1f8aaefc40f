# label: leakage/none
"""Which seed-cotton modules will class with a high leaf grade?

One row per module: field/module attributes from the module tag plus the
dryer, feeder and gin-stand readings logged while the module was processed.
"""
import pandas as pd
import numpy as np
import matplotlib.pyplot as plt
from sklearn.ensemble import ExtraTreesClassifier
from sklearn.feature_selection import SelectFromModel
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold, cross_validate
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

MODULES = "data/gin_modules_2022_2023.csv"
SENSORS = "data/gin_sensor_summary_by_module.csv"


def load_modules():
    mods = pd.read_csv(MODULES)
    sens = pd.read_csv(SENSORS)
    df = mods.merge(sens, on="module_id", how="inner")
    df = df.drop_duplicates("module_id")
    df["high_leaf"] = (df["leaf_grade_mean"] >= 4).astype(int)
    df["stripper_harvested"] = (df["harvest_method"] == "stripper").astype(int)
    df["days_in_module"] = (
        pd.to_datetime(df["ginned_on"]) - pd.to_datetime(df["module_built_on"])
    ).dt.days
    return df


modules = load_modules()
sensor_cols = [c for c in modules.columns if c.startswith(("dryer_", "stand_", "feeder_"))]
tag_cols = ["stripper_harvested", "days_in_module", "seed_cotton_moisture_pct",
            "field_trash_score", "defoliant_days", "module_weight_kg", "variety_staple_32nds"]
feature_cols = tag_cols + sensor_cols
modules = modules.dropna(subset=feature_cols).reset_index(drop=True)
X = modules[feature_cols]
y = modules["high_leaf"]
print(f"{len(X)} modules, {X.shape[1]} candidate features, positive rate {y.mean():.3f}")

selector = SelectFromModel(
    ExtraTreesClassifier(n_estimators=400, min_samples_leaf=5, random_state=0, n_jobs=-1),
    threshold="1.25*median",
)

clf = make_pipeline(selector, StandardScaler(), LogisticRegression(C=0.5, max_iter=3000, class_weight="balanced"))
cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=17)
res = cross_validate(clf, X, y, cv=cv, scoring=["roc_auc", "average_precision", "balanced_accuracy"])

summary = pd.DataFrame({k.replace("test_", ""): v for k, v in res.items() if k.startswith("test_")})
print(summary.round(3))
print(summary.agg(["mean", "std"]).round(3))

clf.fit(X, y)
kept = X.columns[clf[0].get_support()]
print(f"kept {len(kept)} features:", ", ".join(kept))
coefs = pd.Series(clf[-1].coef_.ravel(), index=kept).sort_values()
fig, ax = plt.subplots(figsize=(7, max(3, 0.3 * len(coefs))))
coefs.plot.barh(ax=ax, color=np.where(coefs > 0, "tab:red", "tab:blue"))
ax.set_title("standardised coefficients, high leaf grade")
plt.tight_layout()
plt.savefig("leaf_grade_coefficients.png", dpi=120)
