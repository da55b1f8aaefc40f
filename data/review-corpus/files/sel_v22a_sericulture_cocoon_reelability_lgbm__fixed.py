# label: leakage/none
"""Reelability model for cocoon lots bought at the Ramanagara market.

Compares a handful of feature groups with LightGBM and keeps the best one.
"""
import json

import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.metrics import mean_absolute_error, r2_score
from sklearn.model_selection import train_test_split

CONFIG = {
    "path": "data/cocoon_lots.csv",
    "target": "reelability_pct",
    "test_size": 0.2,
    "seed": 11,
    "lgb_params": {
        "n_estimators": 600,
        "learning_rate": 0.03,
        "num_leaves": 31,
        "min_child_samples": 20,
        "subsample": 0.8,
        "subsample_freq": 1,
        "colsample_bytree": 0.8,
    },
}

MOUNTING_CODES = {"bamboo_chandrike": 0, "plastic_collapsible": 1, "rotary_cardboard": 2}

FEATURE_GROUPS = {
    "rearing": ["temp_instar4", "temp_instar5", "humidity_mean", "leaf_moisture",
                "leaf_protein", "feedings_per_day"],
    "larva": ["larval_weight_day5", "larval_days", "spinning_hours"],
    "cocoon": ["cocoon_weight", "shell_weight", "shell_ratio", "floss_pct", "defective_pct"],
    "house": ["house_area_m2", "mounting_type_code", "disinfection_days", "harvest_month"],
}


def load_lots(path):
    df = pd.read_csv(path, parse_dates=["harvest_date"])
    df = df.dropna(subset=[CONFIG["target"]])
    df["shell_ratio"] = df["shell_weight"] / df["cocoon_weight"]
    df["mounting_type_code"] = df["mounting_type"].map(MOUNTING_CODES).fillna(-1)
    df["harvest_month"] = df["harvest_date"].dt.month
    return df


def candidate_sets(groups):
    names = list(groups)
    sets = {}
    for i, a in enumerate(names):
        sets[a] = list(groups[a])
        for b in names[i + 1:]:
            sets[f"{a}+{b}"] = groups[a] + groups[b]
    sets["all"] = [c for g in names for c in groups[g]]
    return sets


def fit_lgb(X, y):
    model = lgb.LGBMRegressor(random_state=CONFIG["seed"], verbose=-1, **CONFIG["lgb_params"])
    model.fit(X, y)
    return model


lots = load_lots(CONFIG["path"])
print(lots.shape, "lots from", lots["harvest_date"].min().date(), "to", lots["harvest_date"].max().date())
print(lots[CONFIG["target"]].describe().round(2))

sets = candidate_sets(FEATURE_GROUPS)
train_df, test_df = train_test_split(lots, test_size=CONFIG["test_size"], random_state=CONFIG["seed"])
y_train = train_df[CONFIG["target"]]
y_test = test_df[CONFIG["target"]]
fit_df, val_df = train_test_split(train_df, test_size=0.25, random_state=CONFIG["seed"])

results = {}
for name, cols in sets.items():
    model = fit_lgb(fit_df[cols], fit_df[CONFIG["target"]])
    pred = model.predict(val_df[cols])
    results[name] = mean_absolute_error(val_df[CONFIG["target"]], pred)
    print(f"{name:<16s} n_feat={len(cols):2d}  MAE={results[name]:.3f}")

best_name = min(results, key=results.get)
best_cols = sets[best_name]
print("chosen feature set:", best_name)

final = fit_lgb(train_df[best_cols], y_train)
test_pred = final.predict(test_df[best_cols])
mae = mean_absolute_error(y_test, test_pred)
r2 = r2_score(y_test, test_pred)
print(f"Test MAE: {mae:.3f} pct points   R2: {r2:.3f}")

importance = pd.Series(final.feature_importances_, index=best_cols).sort_values(ascending=False)
print(importance.head(10))

with open("cocoon_reelability_report.json", "w") as fh:
    json.dump({"feature_set": best_name, "test_mae": float(mae), "test_r2": float(r2),
               "n_test": int(len(test_df)), "baseline_mae": float(np.mean(np.abs(y_test - y_train.mean())))},
              fh, indent=2)
