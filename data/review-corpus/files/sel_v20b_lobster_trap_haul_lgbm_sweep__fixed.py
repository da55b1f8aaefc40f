# label: leakage/none
"""Catch-per-haul model for the inshore lobster trap survey (2019-2023).

Fits a LightGBM regressor on haul-level records and sweeps a small grid of
tree settings before reporting the held-out error of the chosen configuration.
"""
import itertools

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import lightgbm as lgb
from sklearn.metrics import mean_absolute_error, mean_squared_error

CFG = {
    "path": "data/trap_hauls_2019_2023.csv",
    "target": "catch_kg",
    "seed": 11,
    "last_train_season": 2021,
    "n_estimators": 600,
    "grid": {
        "num_leaves": [15, 31, 63],
        "min_child_samples": [10, 30, 80],
        "learning_rate": [0.03, 0.08],
    },
}

CATEGORICALS = ["port", "bait_type", "trap_design"]
NUMERIC = [
    "depth_m", "bottom_temp_c", "log_soak", "traps_per_string",
    "moon_illum", "swell_m", "month", "doy_sin", "doy_cos",
]


def load_hauls(path):
    df = pd.read_csv(path, parse_dates=["haul_date"])
    df = df[df["soak_hours"].between(6, 240)].dropna(subset=[CFG["target"]]).copy()
    doy = df["haul_date"].dt.dayofyear
    df["month"] = df["haul_date"].dt.month
    df["doy_sin"] = np.sin(2 * np.pi * doy / 365.25)
    df["doy_cos"] = np.cos(2 * np.pi * doy / 365.25)
    df["log_soak"] = np.log1p(df["soak_hours"])
    for col in CATEGORICALS:
        df[col] = df[col].astype("category")
    return df


def score(model, X, y):
    pred = model.predict(X)
    return {
        "mae": mean_absolute_error(y, pred),
        "rmse": mean_squared_error(y, pred) ** 0.5,
    }


def build_model(params):
    return lgb.LGBMRegressor(
        n_estimators=CFG["n_estimators"],
        subsample=0.8,
        subsample_freq=1,
        colsample_bytree=0.8,
        random_state=CFG["seed"],
        verbose=-1,
        **params,
    )


def main():
    hauls = load_hauls(CFG["path"])
    X = hauls[NUMERIC + CATEGORICALS]
    y = hauls[CFG["target"]]
    print(f"{len(hauls):,} hauls, mean catch {y.mean():.2f} kg")

    season = hauls["haul_date"].dt.year
    parts = {
        "train": season <= CFG["last_train_season"],
        "val": season == CFG["last_train_season"] + 1,
        "test": season == CFG["last_train_season"] + 2,
    }
    X_train, y_train = X[parts["train"]], y[parts["train"]]
    X_val, y_val = X[parts["val"]], y[parts["val"]]
    X_test, y_test = X[parts["test"]], y[parts["test"]]
    print({k: int(m.sum()) for k, m in parts.items()})

    keys = list(CFG["grid"])
    rows = []
    for values in itertools.product(*CFG["grid"].values()):
        params = dict(zip(keys, values))
        model = build_model(params)
        model.fit(X_train, y_train, categorical_feature=CATEGORICALS)
        row = dict(params)
        row.update({f"val_{k}": v for k, v in score(model, X_val, y_val).items()})
        row.update({f"test_{k}": v for k, v in score(model, X_test, y_test).items()})
        row["model"] = model
        rows.append(row)
        print(params, f"val rmse={row['val_rmse']:.3f}")

    table = pd.DataFrame(rows)
    best = table.sort_values("val_rmse").iloc[0]
    print("chosen settings:", {k: best[k] for k in keys})
    print(f"held-out RMSE {best['test_rmse']:.3f} kg | MAE {best['test_mae']:.3f} kg")

    imp = pd.Series(best["model"].feature_importances_, index=X.columns).sort_values()
    ax = imp.plot.barh(figsize=(6, 5), title="split importance")
    ax.figure.tight_layout()
    plt.savefig("lobster_importance.png", dpi=120)


if __name__ == "__main__":
    main()
