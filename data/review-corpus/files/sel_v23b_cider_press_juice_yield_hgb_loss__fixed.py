# label: leakage/none
"""Predict juice yield per tonne of apples for cider press runs with gradient boosting."""
import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.metrics import mean_absolute_error
from sklearn.model_selection import train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder

runs = pd.read_csv("press_runs_2019_2023.csv", parse_dates=["pressed_on"])
runs = runs.dropna(subset=["juice_l_per_t"])
runs = runs[(runs["load_kg"] > 50) & (runs["brix"].between(6, 20))]

runs["days_in_store"] = (runs["pressed_on"] - pd.to_datetime(runs["harvested_on"])).dt.days
runs["pressure_per_kg"] = runs["press_bar"] / runs["load_kg"].clip(lower=1)
runs["brix_x_ripeness"] = runs["brix"] * runs["starch_index"]

cat_cols = ["variety", "mill_screen", "press_type"]
num_cols = ["brix", "starch_index", "firmness_kg", "mash_temp_c", "enzyme_ml_per_t",
            "press_bar", "load_kg", "days_in_store", "pressure_per_kg", "brix_x_ripeness"]
X = runs[cat_cols + num_cols]
y = runs["juice_l_per_t"]

X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, random_state=11)
X_fit, X_val, y_fit, y_val = train_test_split(X_train, y_train, test_size=0.2, random_state=12)


def make_model(loss, learning_rate, max_leaf_nodes):
    prep = ColumnTransformer([
        ("cat", OneHotEncoder(handle_unknown="ignore", sparse_output=False), cat_cols),
        ("num", "passthrough", num_cols),
    ])
    reg = HistGradientBoostingRegressor(loss=loss, learning_rate=learning_rate,
                                        max_leaf_nodes=max_leaf_nodes, max_iter=400,
                                        random_state=0)
    return Pipeline([("prep", prep), ("reg", reg)])


grid = {
    "loss": ["squared_error", "absolute_error", "poisson"],
    "learning_rate": [0.03, 0.1],
    "max_leaf_nodes": [15, 31, 63],
}

results = []
for loss in grid["loss"]:
    for lr in grid["learning_rate"]:
        for leaves in grid["max_leaf_nodes"]:
            model = make_model(loss, lr, leaves)
            model.fit(X_fit, y_fit)
            mae = mean_absolute_error(y_val, model.predict(X_val))
            results.append({"loss": loss, "lr": lr, "leaves": leaves, "mae": mae})

table = pd.DataFrame(results).sort_values("mae")
print(table.head(8).to_string(index=False))

best = min(results, key=lambda r: r["mae"])
final = make_model(best["loss"], best["lr"], best["leaves"]).fit(X_train, y_train)
pred = final.predict(X_test)
print(f"chosen: loss={best['loss']} lr={best['lr']} leaves={best['leaves']}")
print(f"test MAE (l/t): {mean_absolute_error(y_test, pred):.2f}")
print(f"test median abs error: {np.median(np.abs(y_test - pred)):.2f}")
