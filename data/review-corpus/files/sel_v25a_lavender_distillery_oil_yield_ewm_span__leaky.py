# label: leakage/selection
"""Forecast daily essential-oil yield per lavender still from harvest inputs and recent yield history."""
import numpy as np
import pandas as pd
from sklearn.linear_model import Ridge
from sklearn.metrics import mean_absolute_error

runs = pd.read_csv("still_runs.csv", parse_dates=["run_date"])
harvest = pd.read_csv("field_harvest.csv", parse_dates=["cut_date"])

runs = runs.merge(harvest[["batch_id", "field", "cut_date", "moisture_pct", "variety"]],
                  on="batch_id", how="left")
runs["hours_since_cut"] = (runs["run_date"] - runs["cut_date"]).dt.total_seconds() / 3600
runs = runs[runs["charge_kg"] > 50].copy()
runs = runs.sort_values(["still_id", "run_date"]).reset_index(drop=True)
runs["is_grosso"] = (runs["variety"] == "grosso").astype(int)

BASE = ["charge_kg", "moisture_pct", "hours_since_cut", "steam_kg_h", "is_grosso", "ambient_c"]
TARGET = "oil_ml_per_kg"


def add_history(df, span):
    df = df.copy()
    past = df.groupby("still_id")[TARGET].shift(1)
    df["yield_ewm"] = past.groupby(df["still_id"]).transform(lambda s: s.ewm(span=span).mean())
    return df.dropna(subset=["yield_ewm"])


season_end = pd.Timestamp("2023-07-20")
spans = [3, 5, 8, 13, 21]
results = {}
for span in spans:
    data = add_history(runs, span)
    tr = data[data["run_date"] < season_end]
    te = data[data["run_date"] >= season_end]
    cols = BASE + ["yield_ewm"]
    model = Ridge(alpha=1.0).fit(tr[cols], tr[TARGET])
    mae = mean_absolute_error(te[TARGET], model.predict(te[cols]))
    results[span] = (mae, model)
    print(f"span={span:>2}  test MAE={mae:.3f}")

best_span = min(results, key=lambda k: results[k][0])
best_mae, best_model = results[best_span]
print(f"best span: {best_span}")
print(f"final test MAE: {best_mae:.3f} ml/kg")
naive = add_history(runs, best_span)
naive = naive[naive["run_date"] >= season_end]
print(f"persistence MAE: {mean_absolute_error(naive[TARGET], naive['yield_ewm']):.3f}")
print(dict(zip(BASE + ["yield_ewm"], np.round(best_model.coef_, 3))))
