# label: leakage/none
# twin: sel_used_cars__leaky.py
# source: hand-written for ai-ci held-out v10 (Apache-2.0)
import polars as pl
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.linear_model import Ridge
from sklearn.neighbors import KNeighborsRegressor
from sklearn.ensemble import RandomForestRegressor, HistGradientBoostingRegressor
from sklearn.metrics import mean_absolute_error

FEATURES = ["model_year", "mileage_km", "engine_cc", "power_hp", "n_previous_owners",
            "is_automatic", "is_diesel", "has_service_history"]

listings = (
    pl.read_parquet("marketplace/used_car_listings.parquet")
    .filter(pl.col("price_eur").is_between(500, 150_000))
    .with_columns(
        (pl.col("transmission") == "automatic").cast(pl.Int8).alias("is_automatic"),
        (pl.col("fuel_type") == "diesel").cast(pl.Int8).alias("is_diesel"),
        pl.col("has_service_history").cast(pl.Int8),
    )
    .drop_nulls(FEATURES)
)

X = listings.select(FEATURES).to_numpy()
y = listings.get_column("price_eur").log().to_numpy()

X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=3)
X_fit, X_val, y_fit, y_val = train_test_split(X_train, y_train, test_size=0.2, random_state=3)

candidates = {
    "ridge": make_pipeline(StandardScaler(), Ridge(alpha=1.0)),
    "knn": make_pipeline(StandardScaler(), KNeighborsRegressor(n_neighbors=15)),
    "random_forest": RandomForestRegressor(
        n_estimators=400, min_samples_leaf=3, n_jobs=-1, random_state=3
    ),
    "hist_gbm": HistGradientBoostingRegressor(max_iter=600, learning_rate=0.05, random_state=3),
}

scores = {}
for name, est in candidates.items():
    est.fit(X_fit, y_fit)
    scores[name] = mean_absolute_error(y_val, est.predict(X_val))
    print(f"{name:14s} MAE(log price) = {scores[name]:.4f}")

best = min(scores, key=scores.get)
test_mae = mean_absolute_error(y_test, candidates[best].predict(X_test))
print(f"chosen model: {best}, test MAE = {test_mae:.4f}")
