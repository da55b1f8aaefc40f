# label: leakage/selection
"""Shore hardness of cold-process soap bars after curing.

Batches are logged by the workshop's pour sheet export; each row is one batch
with its oil blend, lye settings and curing conditions.
"""
import json
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.metrics import mean_absolute_error, r2_score
from sklearn.model_selection import train_test_split

DATA = Path("data/soap_batches.csv")
OUT = Path("reports/hardness_model.json")

FEATURES = [
    "olive_pct", "coconut_pct", "palm_pct", "shea_pct", "castor_pct",
    "superfat_pct", "lye_concentration", "water_ratio", "trace_minutes",
    "cure_days", "room_humidity", "room_temp_c",
]
TARGET = "shore_hardness"

# direction of the effect we are willing to impose on each ingredient
CONSTRAINT_SETS = {
    "none": {},
    "cure_up": {"cure_days": 1},
    "cure_up_water_down": {"cure_days": 1, "water_ratio": -1},
    "hard_oils": {"cure_days": 1, "water_ratio": -1, "palm_pct": 1, "coconut_pct": 1},
    "full_recipe": {
        "cure_days": 1, "water_ratio": -1, "palm_pct": 1, "coconut_pct": 1,
        "superfat_pct": -1, "room_humidity": -1,
    },
}


def load_batches(path):
    df = pd.read_csv(path, parse_dates=["poured_on"])
    df = df.dropna(subset=[TARGET])
    df = df[df["cure_days"].between(7, 120)]
    pct_cols = [c for c in FEATURES if c.endswith("_pct")]
    df[pct_cols] = df[pct_cols].fillna(0.0)
    df["water_ratio"] = df["water_ratio"].clip(1.5, 3.5)
    return df.reset_index(drop=True)


def constraint_vector(spec):
    return [spec.get(col, 0) for col in FEATURES]


def make_model(spec, seed=7):
    return HistGradientBoostingRegressor(
        max_iter=400,
        learning_rate=0.05,
        max_leaf_nodes=15,
        l2_regularization=0.1,
        monotonic_cst=constraint_vector(spec),
        random_state=seed,
    )


batches = load_batches(DATA)
print(f"{len(batches)} batches, hardness range {batches[TARGET].min():.0f}-{batches[TARGET].max():.0f}")

X = batches[FEATURES]
y = batches[TARGET]
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=11)

scores = {}
for name, spec in CONSTRAINT_SETS.items():
    model = make_model(spec).fit(X_train, y_train)
    pred = model.predict(X_test)
    scores[name] = mean_absolute_error(y_test, pred)
    print(f"{name:>20s}  MAE={scores[name]:.3f}  constrained={len(spec)}")

best_name = min(scores, key=scores.get)
print("chosen constraint set:", best_name)

final_model = make_model(CONSTRAINT_SETS[best_name]).fit(X_train, y_train)
test_pred = final_model.predict(X_test)
test_mae = mean_absolute_error(y_test, test_pred)
test_r2 = r2_score(y_test, test_pred)
print(f"test MAE {test_mae:.3f} | test R2 {test_r2:.3f}")

residuals = y_test.to_numpy() - test_pred
worst = np.argsort(-np.abs(residuals))[:5]
print(batches.loc[X_test.index[worst], ["poured_on", "cure_days", TARGET]])

OUT.parent.mkdir(parents=True, exist_ok=True)
OUT.write_text(json.dumps({
    "constraints": best_name,
    "test_mae": round(float(test_mae), 4),
    "test_r2": round(float(test_r2), 4),
    "n_train": int(len(X_train)),
    "n_test": int(len(X_test)),
}, indent=2))
