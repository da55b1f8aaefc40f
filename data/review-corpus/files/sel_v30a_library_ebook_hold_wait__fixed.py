# label: leakage/none
"""Estimate how many days a patron will wait on an e-book hold.

Runs against the nightly circulation extract. Output feeds the
collection team's "buy another licence?" dashboard.
"""
import json
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.metrics import mean_absolute_error, median_absolute_error
from sklearn.model_selection import ParameterGrid
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OrdinalEncoder

DATA = Path("data/circulation")
OUT = Path("reports/hold_wait")
CUTOFF = pd.Timestamp("2024-01-01")
VAL_START = pd.Timestamp("2023-09-01")

holds = pd.read_parquet(DATA / "ebook_holds_2021_2024.parquet")
titles = pd.read_csv(
    DATA / "title_catalogue.csv",
    usecols=["title_id", "format", "publisher_group", "pub_date", "genre"],
    parse_dates=["pub_date"],
)
holds = holds.merge(titles, on="title_id", how="left")
holds["placed_at"] = pd.to_datetime(holds["placed_at"])
holds["filled_at"] = pd.to_datetime(holds["filled_at"])

# cancelled / expired holds never get a wait time
holds = holds.dropna(subset=["wait_days"])

holds["days_since_pub"] = (holds["placed_at"] - holds["pub_date"]).dt.days.clip(lower=0)
holds["queue_per_licence"] = holds["queue_position"] / holds["licences_owned"].clip(lower=1)
holds["placed_dow"] = holds["placed_at"].dt.dayofweek
holds["placed_month"] = holds["placed_at"].dt.month

cat_cols = ["format", "publisher_group", "genre", "licence_model", "patron_type", "home_branch"]
num_cols = ["queue_position", "licences_owned", "queue_per_licence", "days_since_pub",
            "loan_period_days", "placed_dow", "placed_month"]

# only holds that had resolved before the cut-off go into training
train = holds[holds["filled_at"] < CUTOFF]
test = holds[holds["placed_at"] >= CUTOFF]
X_train, y_train = train[cat_cols + num_cols], train["wait_days"]
X_test, y_test = test[cat_cols + num_cols], test["wait_days"]
print(f"train holds: {len(train):,}  test holds: {len(test):,}")

# autumn 2023 for tuning
fit = train[train["filled_at"] < VAL_START]
val = train[train["placed_at"] >= VAL_START]
X_fit, y_fit = fit[cat_cols + num_cols], fit["wait_days"]
X_val, y_val = val[cat_cols + num_cols], val["wait_days"]


def make_pipe():
    pre = ColumnTransformer(
        [("cat", OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=-1), cat_cols)],
        remainder="passthrough",
    )
    model = HistGradientBoostingRegressor(
        max_iter=600,
        categorical_features=list(range(len(cat_cols))),
        random_state=11,
    )
    return Pipeline([("pre", pre), ("model", model)])


grid = ParameterGrid({
    "model__learning_rate": [0.03, 0.1],
    "model__max_leaf_nodes": [15, 31, 63],
    "model__l2_regularization": [0.0, 1.0],
    "model__loss": ["squared_error", "poisson"],
})

runs = []
for params in grid:
    pipe = make_pipe().set_params(**params)
    pipe.fit(X_fit, y_fit)
    pred = np.clip(pipe.predict(X_val), 0, None)
    runs.append({**params, "mae": mean_absolute_error(y_val, pred)})
    print(params, f"val MAE={runs[-1]['mae']:.2f}")

best_run = min(runs, key=lambda r: r["mae"])
best = {k: v for k, v in best_run.items() if k != "mae"}
runs = pd.DataFrame(runs).sort_values("mae")
print("best config:", best)

final = make_pipe().set_params(**best).fit(X_train, y_train)
pred = np.clip(final.predict(X_test), 0, None)
summary = {
    "params": best,
    "test_mae_days": round(mean_absolute_error(y_test, pred), 2),
    "test_medae_days": round(median_absolute_error(y_test, pred), 2),
    "n_test": int(len(y_test)),
}
print(json.dumps(summary, indent=2))

OUT.mkdir(parents=True, exist_ok=True)
runs.to_csv(OUT / "grid_runs.csv", index=False)
(OUT / "summary.json").write_text(json.dumps(summary, indent=2))
