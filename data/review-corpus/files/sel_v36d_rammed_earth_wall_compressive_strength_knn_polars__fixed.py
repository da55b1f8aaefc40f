# label: leakage/none
# Rammed-earth mix trials: predict 28-day compressive strength (MPa) of test
# blocks from soil grading, stabiliser dose and compaction settings.
# One row per mix trial from the site lab log.
import numpy as np
import polars as pl
from sklearn.metrics import mean_absolute_error, mean_squared_error
from sklearn.model_selection import KFold, cross_val_predict, train_test_split
from sklearn.neighbors import KNeighborsRegressor
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

SEED = 11

trials = (
    pl.read_csv("lab/rammed_earth_trials.csv", try_parse_dates=True)
    .filter(pl.col("strength_28d_mpa").is_not_null())
    .filter(pl.col("dry_density_kg_m3").is_between(1500, 2400))
    .with_columns(
        (pl.col("clay_pct") + pl.col("silt_pct")).alias("fines_pct"),
        (pl.col("cement_pct") + pl.col("lime_pct")).alias("binder_pct"),
        (pl.col("moisture_pct") / pl.col("optimum_moisture_pct")).alias("moisture_ratio"),
        (pl.col("layer_depth_mm") / pl.col("rammer_mass_kg")).alias("depth_per_kg"),
    )
)

feature_cols = [
    "fines_pct", "sand_pct", "gravel_pct", "plasticity_index", "binder_pct",
    "moisture_ratio", "dry_density_kg_m3", "depth_per_kg", "cure_rh_pct",
]
X = trials.select(feature_cols).to_numpy()
y = trials.get_column("strength_28d_mpa").to_numpy()
print(trials.select(feature_cols + ["strength_28d_mpa"]).describe())

X_train, X_test, y_train, y_test = train_test_split(
    X, y, test_size=0.25, random_state=SEED
)

# neighbourhood size and weighting for the lookup model
folds = KFold(n_splits=5, shuffle=True, random_state=SEED)
results = []
for k in range(3, 26, 2):
    for weights in ("uniform", "distance"):
        knn = make_pipeline(StandardScaler(), KNeighborsRegressor(n_neighbors=k, weights=weights))
        pred = cross_val_predict(knn, X_train, y_train, cv=folds)
        rmse = float(np.sqrt(mean_squared_error(y_train, pred)))
        results.append({"k": k, "weights": weights, "rmse": rmse,
                        "mae": float(mean_absolute_error(y_train, pred))})

scores = pl.DataFrame(results).sort("rmse")
print(scores.head(6))

best = scores.row(0, named=True)
print(f"chosen k={best['k']} weights={best['weights']}")

best_model = make_pipeline(
    StandardScaler(), KNeighborsRegressor(n_neighbors=best["k"], weights=best["weights"])
).fit(X_train, y_train)
test_pred = best_model.predict(X_test)
test_rmse = float(np.sqrt(mean_squared_error(y_test, test_pred)))
print(f"test RMSE {test_rmse:.2f} MPa, MAE {mean_absolute_error(y_test, test_pred):.2f} MPa")

# share of blocks within the 0.5 MPa tolerance used on site
within = np.mean(np.abs(test_pred - y_test) <= 0.5)
print(f"within 0.5 MPa: {within:.1%}")
