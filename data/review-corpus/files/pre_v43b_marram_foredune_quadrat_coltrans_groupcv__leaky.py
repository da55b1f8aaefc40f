# label: leakage/preprocessing
"""Marram grass cover on restored foredunes.

Quadrat survey from the dune restoration programme: each quadrat sits on a
shore-normal transect; the response is percent marram cover at the autumn
survey, the predictors are site and planting records from spring.
"""
import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import RandomForestRegressor
from sklearn.impute import SimpleImputer
from sklearn.model_selection import GroupKFold, cross_validate
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

NUMERIC = [
    "distance_from_toe_m", "elevation_m", "slope_deg", "spring_burial_cm",
    "soil_moisture_pct", "organic_matter_pct", "trampling_index",
    "culms_planted_per_m2", "fence_distance_m", "wind_exposure",
]
CATEGORICAL = ["aspect", "planting_method", "stock_source", "beach_section"]


def load_quadrats(path):
    q = pd.read_csv(path)
    q = q[q["surveyed_autumn"] == 1]
    q["aspect"] = q["aspect"].str.upper().str.strip()
    q["marram_cover_pct"] = q["marram_cover_pct"].clip(0, 100)
    return q.reset_index(drop=True)


def build_preprocessor():
    numeric = Pipeline([
        ("impute", SimpleImputer(strategy="median")),
        ("scale", StandardScaler()),
    ])
    categorical = Pipeline([
        ("impute", SimpleImputer(strategy="most_frequent")),
        ("onehot", OneHotEncoder(handle_unknown="ignore")),
    ])
    return ColumnTransformer([
        ("num", numeric, NUMERIC),
        ("cat", categorical, CATEGORICAL),
    ])


def main():
    quadrats = load_quadrats("foredune_quadrats.csv")
    X = quadrats[NUMERIC + CATEGORICAL]
    y = quadrats["marram_cover_pct"]
    groups = quadrats["transect_id"]
    print(f"{len(quadrats)} quadrats on {groups.nunique()} transects")

    X_prep = build_preprocessor().fit_transform(X)
    forest = RandomForestRegressor(
        n_estimators=500, min_samples_leaf=3, max_features=0.5,
        n_jobs=-1, random_state=17,
    )

    cv = GroupKFold(n_splits=5)
    scores = cross_validate(
        forest, X_prep, y, groups=groups, cv=cv,
        scoring=("r2", "neg_mean_absolute_error"),
    )
    r2 = scores["test_r2"]
    mae = -scores["test_neg_mean_absolute_error"]
    print(f"R2:  {r2.mean():.3f} +/- {r2.std():.3f}")
    print(f"MAE: {mae.mean():.1f} +/- {mae.std():.1f} % cover")
    print("per fold MAE:", np.round(mae, 1))


if __name__ == "__main__":
    main()
