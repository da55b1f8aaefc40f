# label: leakage/none
"""Annual gas savings after loft insulation top-ups, from installer surveys and meter reads."""
import argparse
import json

import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.linear_model import RidgeCV
from sklearn.metrics import mean_absolute_error, r2_score
from sklearn.model_selection import cross_val_score, train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import (
    OneHotEncoder,
    PowerTransformer,
    QuantileTransformer,
    StandardScaler,
)

NUMERIC = [
    "floor_area_m2",
    "pre_depth_mm",
    "post_depth_mm",
    "depth_added_mm",
    "annual_gas_kwh_pre",
    "heating_degree_days",
    "wall_u_value",
    "occupants",
    "build_year",
]
CATEGORICAL = ["property_type", "roof_pitch", "boiler_type", "region"]
TARGET = "gas_saving_kwh"

SCALERS = {
    "standard": lambda: StandardScaler(),
    "yeo_johnson": lambda: PowerTransformer(method="yeo-johnson"),
    "quantile_normal": lambda: QuantileTransformer(n_quantiles=200, output_distribution="normal"),
}


def load_surveys(path):
    df = pd.read_csv(path, parse_dates=["install_date"])
    df = df[df["post_depth_mm"] > df["pre_depth_mm"]]
    df = df.dropna(subset=[TARGET, "annual_gas_kwh_pre"])
    df["build_year"] = df["build_year"].clip(1850, 2022)
    df["depth_added_mm"] = df["post_depth_mm"] - df["pre_depth_mm"]
    df["wall_u_value"] = df["wall_u_value"].fillna(1.6)  # RdSAP default for unknown cavity wall
    df["occupants"] = df["occupants"].fillna(2).astype(int)
    return df


def make_model(scaler_name):
    pre = ColumnTransformer(
        [
            ("num", SCALERS[scaler_name](), NUMERIC),
            ("cat", OneHotEncoder(handle_unknown="ignore", min_frequency=20), CATEGORICAL),
        ]
    )
    return Pipeline([("pre", pre), ("ridge", RidgeCV(alphas=np.logspace(-2, 3, 30)))])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", default="data/loft_retrofits_2019_2023.csv")
    parser.add_argument("--out", default="reports/loft_savings_model.json")
    args = parser.parse_args()

    df = load_surveys(args.data)
    print(f"{len(df)} retrofits, median saving {df[TARGET].median():.0f} kWh")

    X = df[NUMERIC + CATEGORICAL]
    y = df[TARGET]
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=7)

    scores = {}
    for name in SCALERS:
        model = make_model(name)
        scores[name] = cross_val_score(model, X_train, y_train, cv=5, scoring="r2").mean()
        print(f"{name:>16}: R2 = {scores[name]:.3f}")

    best = max(scores, key=scores.get)
    final = make_model(best).fit(X_train, y_train)
    pred = final.predict(X_test)

    report = {
        "scaler": best,
        "alpha": float(final.named_steps["ridge"].alpha_),
        "test_r2": float(r2_score(y_test, pred)),
        "test_mae_kwh": float(mean_absolute_error(y_test, pred)),
        "n_train": int(len(X_train)),
        "n_test": int(len(X_test)),
    }
    print(json.dumps(report, indent=2))
    with open(args.out, "w") as fh:
        json.dump(report, fh, indent=2)


if __name__ == "__main__":
    main()
