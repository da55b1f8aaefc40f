# label: leakage/selection
import numpy as np
import pandas as pd
import matplotlib.pyplot as plt
from sklearn.compose import TransformedTargetRegressor
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.metrics import mean_absolute_error, r2_score
from sklearn.model_selection import train_test_split

NUMERIC = [
    "hydration_pct",
    "starter_age_days",
    "feed_ratio",
    "starter_peak_hours",
    "flour_protein_pct",
    "whole_grain_pct",
    "salt_pct",
    "bulk_ferment_h",
    "cold_proof_h",
    "dough_temp_c",
    "kitchen_rh_pct",
    "oven_temp_c",
    "score_depth_mm",
]
TARGET = "oven_spring_mm"

TRANSFORMS = {
    "identity": (None, None),
    "log1p": (np.log1p, np.expm1),
    "sqrt": (np.sqrt, np.square),
    "cbrt": (np.cbrt, lambda v: np.power(v, 3)),
}


def read_bakes(path):
    df = pd.read_csv(path, parse_dates=["baked_on"])
    df = df[df["loaf_weight_g"].between(600, 1400)]
    df["steam_tray"] = df["steam_method"].eq("tray").astype(int)
    df["dutch_oven"] = df["steam_method"].eq("dutch_oven").astype(int)
    df["proof_total_h"] = df["bulk_ferment_h"] + df["cold_proof_h"]
    df[TARGET] = df[TARGET].clip(lower=0)
    return df


def make_model(func, inverse):
    base = HistGradientBoostingRegressor(
        learning_rate=0.05, max_iter=500, max_leaf_nodes=15, l2_regularization=1.0, random_state=0
    )
    if func is None:
        return base
    return TransformedTargetRegressor(regressor=base, func=func, inverse_func=inverse, check_inverse=False)


bakes = read_bakes("data/test_kitchen/sourdough_bakes.csv")
features = NUMERIC + ["steam_tray", "dutch_oven", "proof_total_h"]
X = bakes[features]
y = bakes[TARGET]
print(f"{len(bakes)} bakes, spring mean {y.mean():.1f} mm, skew {y.skew():.2f}")

X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=21)

scores = {}
for name, (func, inverse) in TRANSFORMS.items():
    model = make_model(func, inverse)
    model.fit(X_train, y_train)
    scores[name] = mean_absolute_error(y_test, model.predict(X_test))
    print(f"{name:>9}: MAE {scores[name]:.2f} mm")

chosen = min(scores, key=scores.get)
final = make_model(*TRANSFORMS[chosen])
final.fit(X_train, y_train)
pred = final.predict(X_test)

print(f"target transform: {chosen}")
print(f"test MAE {mean_absolute_error(y_test, pred):.2f} mm | R2 {r2_score(y_test, pred):.3f}")

fig, ax = plt.subplots(figsize=(5, 5))
ax.scatter(y_test, pred, s=10, alpha=0.6)
lim = [0, max(y_test.max(), pred.max()) * 1.05]
ax.plot(lim, lim, "k--", lw=1)
ax.set_xlabel("measured oven spring (mm)")
ax.set_ylabel("predicted (mm)")
ax.set_title(f"HGB + {chosen} target")
plt.tight_layout()
plt.show()
