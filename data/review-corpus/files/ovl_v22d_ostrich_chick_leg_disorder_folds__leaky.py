# label: leakage/overlap
"""Weekly chick checks on an ostrich farm: flag leg disorders from growth and housing records."""
import numpy as np
import pandas as pd
import matplotlib.pyplot as plt
from sklearn.ensemble import RandomForestClassifier
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold, cross_validate
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

CHECKS = "data/ostrich_weekly_checks.csv"
PENS = "data/ostrich_pens.csv"
FEATURES = [
    "age_weeks", "weight_kg", "tibia_length_cm", "weekly_gain_kg", "feed_intake_kg",
    "pen_density_m2", "floor_sand", "floor_concrete", "daylight_h", "calcium_pct",
    "phosphorus_pct", "hatch_weight_g",
]
LABEL = "leg_disorder"


def build_table():
    checks = pd.read_csv(CHECKS, parse_dates=["check_date"])
    pens = pd.read_csv(PENS)
    df = checks.merge(pens, on="pen_id", how="left", validate="many_to_one")
    df = df.sort_values(["chick_id", "check_date"])
    df["weekly_gain_kg"] = df.groupby("chick_id")["weight_kg"].diff()
    df["floor_sand"] = (df["floor_type"] == "sand").astype(int)
    df["floor_concrete"] = (df["floor_type"] == "concrete").astype(int)
    return df.reset_index(drop=True)


def describe(df):
    print(f"{df['chick_id'].nunique()} chicks, {len(df)} weekly checks")
    print(df.groupby("age_weeks")[LABEL].mean().round(3).to_string())


table = build_table()
describe(table)

X = table[FEATURES]
y = table[LABEL]
chicks = table["chick_id"]

candidates = {
    "logit": make_pipeline(SimpleImputer(strategy="median"), StandardScaler(),
                           LogisticRegression(C=0.3, class_weight="balanced", max_iter=3000)),
    "forest": make_pipeline(SimpleImputer(strategy="median"),
                            RandomForestClassifier(n_estimators=500, min_samples_leaf=4,
                                                   class_weight="balanced_subsample",
                                                   n_jobs=-1, random_state=11)),
}

cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=11)
summary = {}
for name, model in candidates.items():
    scores = cross_validate(
        model, X, y, groups=chicks, cv=cv,
        scoring=["roc_auc", "average_precision", "balanced_accuracy"],
    )
    summary[name] = {k.replace("test_", ""): v.mean() for k, v in scores.items() if k.startswith("test_")}
    print(name, {k: round(v, 3) for k, v in summary[name].items()})

summary_df = pd.DataFrame(summary).T
ax = summary_df.plot.bar(rot=0, figsize=(7, 4))
ax.set_ylim(0, 1)
ax.set_title("5-fold results, ostrich leg disorder")
plt.tight_layout()
plt.savefig("ostrich_cv.png", dpi=110)
