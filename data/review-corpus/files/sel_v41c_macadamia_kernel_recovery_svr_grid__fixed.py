# label: leakage/none
"""Kernel recovery model for macadamia consignments received at the cracking plant.

Each row is one consignment of dry nut-in-shell (NIS) from a grower. The target is
the kernel recovery percentage measured after cracking and sorting.
"""
import itertools

import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.metrics import mean_absolute_error, r2_score
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler
from sklearn.svm import SVR

DATA_PATH = "data/consignments_2017_2024.csv"
TARGET = "kernel_recovery_pct"
NUMERIC = [
    "nis_weight_kg",
    "moisture_pct",
    "mean_nut_diameter_mm",
    "husk_spot_pct",
    "germinated_nut_pct",
    "tree_age_years",
    "days_on_ground",
    "rainfall_30d_mm",
]
CATEGORICAL = ["variety", "grower_region", "dehusk_method"]

PARAM_GRID = {
    "C": [1.0, 10.0, 100.0],
    "epsilon": [0.1, 0.25, 0.5],
    "gamma": ["scale", 0.01, 0.05],
}


def load_consignments(path):
    df = pd.read_csv(path, parse_dates=["delivery_date"])
    df = df[(df["nis_weight_kg"] > 50) & df[TARGET].between(15, 50)].copy()
    df["season"] = df["delivery_date"].dt.year
    df["delivery_month"] = df["delivery_date"].dt.month
    df["husk_spot_pct"] = df["husk_spot_pct"].fillna(0.0)
    return df


def build_model(C, epsilon, gamma):
    pre = ColumnTransformer(
        [
            ("num", StandardScaler(), NUMERIC + ["delivery_month"]),
            ("cat", OneHotEncoder(handle_unknown="ignore"), CATEGORICAL),
        ]
    )
    return Pipeline([("pre", pre), ("svr", SVR(kernel="rbf", C=C, epsilon=epsilon, gamma=gamma))])


df = load_consignments(DATA_PATH)
features = NUMERIC + ["delivery_month"] + CATEGORICAL

# hold out the most recent season
last_season = df["season"].max()
train = df[df["season"] < last_season]
test = df[df["season"] == last_season]
X_train, y_train = train[features], train[TARGET]
X_test, y_test = test[features], test[TARGET]
print(f"train consignments: {len(train)}  test consignments: {len(test)}")

# tune on the season before the hold-out season
val_season = last_season - 1
fit_rows, val_rows = train[train["season"] < val_season], train[train["season"] == val_season]

results = []
best_mae, best_params = np.inf, None
for C, eps, gamma in itertools.product(PARAM_GRID["C"], PARAM_GRID["epsilon"], PARAM_GRID["gamma"]):
    model = build_model(C, eps, gamma)
    model.fit(fit_rows[features], fit_rows[TARGET])
    mae = mean_absolute_error(val_rows[TARGET], model.predict(val_rows[features]))
    results.append({"C": C, "epsilon": eps, "gamma": gamma, "mae": mae})
    if mae < best_mae:
        best_mae, best_params = mae, (C, eps, gamma)

print(pd.DataFrame(results).sort_values("mae").head(5).to_string(index=False))
print("chosen C / epsilon / gamma:", best_params)

best_model = build_model(*best_params).fit(X_train, y_train)
pred = best_model.predict(X_test)
print(f"season {last_season} MAE: {mean_absolute_error(y_test, pred):.3f} pct points")
print(f"season {last_season} R2:  {r2_score(y_test, pred):.3f}")

by_variety = (
    test.assign(pred=pred, abs_err=np.abs(pred - y_test))
    .groupby("variety")[["abs_err"]]
    .mean()
    .sort_values("abs_err")
)
print(by_variety)
