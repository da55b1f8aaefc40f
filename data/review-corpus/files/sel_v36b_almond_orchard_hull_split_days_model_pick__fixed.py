# label: leakage/none
"""Days from full bloom to hull split for almond orchard blocks (2023 survey).

Growers use the estimate to plan navel orangeworm sprays and shaker crews, so the
error is reported in days.
"""
import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import HistGradientBoostingRegressor, RandomForestRegressor
from sklearn.impute import SimpleImputer
from sklearn.linear_model import RidgeCV
from sklearn.metrics import mean_absolute_error, r2_score
from sklearn.model_selection import cross_val_score, train_test_split
from sklearn.pipeline import Pipeline, make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

DATA = "data/almond_blocks_survey_2023.csv"
NUMERIC = [
    "gdd_bloom_to_may",
    "chill_portions",
    "tree_age_years",
    "canopy_cover_pct",
    "irrigation_mm_apr_jun",
    "soil_ec_ds_m",
    "elevation_m",
    "crop_load_estimate_kg_ha",
]
CATEGORICAL = ["variety", "rootstock", "county"]
TARGET = "days_bloom_to_hull_split"


def load_blocks(path):
    df = pd.read_csv(path, parse_dates=["full_bloom_date"])
    df = df.dropna(subset=[TARGET])
    # survey forms occasionally record the harvest date instead of hull split
    df = df[df[TARGET].between(90, 200)]
    return df.reset_index(drop=True)


def make_preprocessor(scale):
    numeric_steps = [SimpleImputer(strategy="median")]
    if scale:
        numeric_steps.append(StandardScaler())
    return ColumnTransformer(
        [
            ("num", make_pipeline(*numeric_steps), NUMERIC),
            ("cat", OneHotEncoder(handle_unknown="ignore", sparse_output=False), CATEGORICAL),
        ]
    )


def candidates():
    return {
        "ridge": Pipeline([
            ("prep", make_preprocessor(scale=True)),
            ("model", RidgeCV(alphas=np.logspace(-2, 3, 20))),
        ]),
        "forest": Pipeline([
            ("prep", make_preprocessor(scale=False)),
            ("model", RandomForestRegressor(n_estimators=400, min_samples_leaf=3, n_jobs=-1, random_state=7)),
        ]),
        "hgb": Pipeline([
            ("prep", make_preprocessor(scale=False)),
            ("model", HistGradientBoostingRegressor(max_iter=500, learning_rate=0.05,
                                                    max_leaf_nodes=15, random_state=7)),
        ]),
    }


def main():
    df = load_blocks(DATA)
    print(f"{len(df)} blocks, {df['variety'].nunique()} varieties")

    X = df[NUMERIC + CATEGORICAL]
    y = df[TARGET]
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=11)

    results = {}
    for name, pipe in candidates().items():
        scores = cross_val_score(pipe, X_train, y_train, cv=5, scoring="neg_mean_absolute_error")
        results[name] = -scores.mean()
        print(f"{name:>8s}  CV MAE = {results[name]:.2f} days")

    best_name = min(results, key=results.get)
    best = candidates()[best_name].fit(X_train, y_train)
    pred = best.predict(X_test)

    print(f"\nChosen model: {best_name}")
    print(f"Hull split MAE: {mean_absolute_error(y_test, pred):.2f} days")
    print(f"R^2: {r2_score(y_test, pred):.3f}")

    by_variety = (
        pd.DataFrame({"variety": X_test["variety"], "abs_err": np.abs(y_test - pred)})
        .groupby("variety")["abs_err"].agg(["mean", "count"])
        .sort_values("mean")
    )
    print(by_variety.round(2))


if __name__ == "__main__":
    main()
