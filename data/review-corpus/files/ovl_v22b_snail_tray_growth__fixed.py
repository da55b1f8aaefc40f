# label: leakage/none
import numpy as np
import pandas as pd
import matplotlib.pyplot as plt
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import RandomForestRegressor
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OrdinalEncoder
from sklearn.model_selection import GroupKFold, cross_validate

# Weekly weigh-ins of Helix aspersa breeding trays. The farm wants growth
# estimates for trays stocked next season, from husbandry settings alone.
DATA = "data/heliciculture_weekly_trays.csv"
TARGET = "weight_gain_g_per_100"

HUSBANDRY = [
    "stocking_density_m2", "substrate_moisture_pct", "air_humidity_pct", "air_temp_c",
    "calcium_supplement_g", "feed_protein_pct", "feed_ration_g", "light_hours",
    "week_of_cycle", "mean_start_weight_g",
]
CATEGORICAL = ["substrate_type", "feed_brand", "greenhouse"]


def load(path):
    df = pd.read_csv(path)
    df = df[df["tray_status"] == "active"].copy()
    df["humidity_gap"] = df["air_humidity_pct"] - df["substrate_moisture_pct"]
    df["ration_per_snail"] = df["feed_ration_g"] / df["snail_count"].clip(lower=1)
    return df


def summarise(scores):
    out = {}
    for key, vals in scores.items():
        if key.startswith("test_"):
            name = key.replace("test_", "")
            vals = -vals if name.startswith("neg_") else vals
            out[name.replace("neg_", "")] = (vals.mean(), vals.std())
    return out


df = load(DATA)
numeric = HUSBANDRY + ["humidity_gap", "ration_per_snail"]
features = numeric + CATEGORICAL
X, y = df[features], df[TARGET]
print(f"{len(df)} weigh-ins from {df['tray_id'].nunique()} trays")

encode = ColumnTransformer([
    ("num", "passthrough", numeric),
    ("cat", OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=-1), CATEGORICAL),
])
model = Pipeline([
    ("encode", encode),
    ("rf", RandomForestRegressor(
        n_estimators=500, min_samples_leaf=3, max_features=0.5, n_jobs=-1, random_state=21
    )),
])
cv = GroupKFold(n_splits=5)
scores = cross_validate(
    model, X, y, cv=cv, groups=df["tray_id"],
    scoring=["neg_mean_absolute_error", "r2"],
    return_train_score=False,
)
for name, (mean, std) in summarise(scores).items():
    print(f"{name:>22}: {mean:.3f} ± {std:.3f}")

model.fit(X, y)
importances = pd.Series(model.named_steps["rf"].feature_importances_, index=features).sort_values()
importances.plot.barh(figsize=(6, 5), title="RF importance")
plt.tight_layout()
plt.savefig("snail_importance.png", dpi=110)

by_density = df.groupby(pd.cut(df["stocking_density_m2"], 6), observed=True)[TARGET].agg(["mean", "count"])
print(by_density.round(2))
