# label: leakage/none
"""Forecast fuel needed for a planned fishing trip, with a separate model per gear type."""
import numpy as np
import polars as pl
from sklearn.ensemble import HistGradientBoostingRegressor, RandomForestRegressor
from sklearn.linear_model import Ridge
from sklearn.metrics import mean_absolute_error
from sklearn.model_selection import TimeSeriesSplit, cross_val_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

trips = pl.read_csv("trip_plans.csv", try_parse_dates=True)
vessels = pl.read_parquet("vessel_registry.parquet")

trips = (
    trips.join(vessels, on="vessel_id", how="left")
    .filter(pl.col("fuel_litres").is_not_null() & (pl.col("fuel_litres") > 0))
    .with_columns(
        pl.col("depart_date").dt.month().alias("month"),
        (pl.col("planned_distance_nm") / pl.col("planned_hours").clip(lower_bound=1.0)).alias("planned_speed_kn"),
        (pl.col("depart_date").dt.year() - pl.col("build_year")).alias("hull_age"),
        (pl.col("forecast_wave_m") * pl.col("planned_hours")).alias("wave_exposure"),
    )
    .drop_nulls(subset=["engine_kw", "length_m", "forecast_wind_kt"])
)

FEATURES = [
    "planned_hours", "planned_distance_nm", "planned_speed_kn", "engine_kw", "length_m",
    "hull_age", "forecast_wind_kt", "forecast_wave_m", "wave_exposure", "crew", "month",
]

train = trips.filter(pl.col("depart_date") < pl.date(2024, 1, 1)).sort("depart_date")
test = trips.filter(pl.col("depart_date") >= pl.date(2024, 1, 1)).sort("depart_date")

CANDIDATES = {
    "ridge": lambda: make_pipeline(StandardScaler(), Ridge(alpha=3.0)),
    "forest": lambda: RandomForestRegressor(n_estimators=400, min_samples_leaf=3, n_jobs=-1, random_state=0),
    "hgb": lambda: HistGradientBoostingRegressor(max_iter=400, learning_rate=0.04, random_state=0),
}

chosen, preds, truth = {}, [], []
for gear in sorted(train["gear_type"].unique().to_list()):
    tr = train.filter(pl.col("gear_type") == gear)
    te = test.filter(pl.col("gear_type") == gear)
    if te.height == 0 or tr.height < 50:
        continue
    X_tr, y_tr = tr.select(FEATURES).to_numpy(), tr["fuel_litres"].to_numpy()
    X_te, y_te = te.select(FEATURES).to_numpy(), te["fuel_litres"].to_numpy()

    best_name, best_mae = None, np.inf
    for name, make in CANDIDATES.items():
        cv_mae = -cross_val_score(make(), X_tr, y_tr, cv=TimeSeriesSplit(n_splits=4),
                                  scoring="neg_mean_absolute_error").mean()
        if cv_mae < best_mae:
            best_name, best_mae = name, cv_mae
    best_pred = CANDIDATES[best_name]().fit(X_tr, y_tr).predict(X_te)

    chosen[gear] = best_name
    preds.append(best_pred)
    truth.append(y_te)
    print(f"{gear:<14} n_train={tr.height:>5} n_test={te.height:>4} model={best_name:<7} cv MAE={best_mae:8.1f} L")

preds = np.concatenate(preds)
truth = np.concatenate(truth)
print("models per gear:", chosen)
print(f"Overall test MAE: {mean_absolute_error(truth, preds):.1f} litres")
print(f"Overall test MAPE: {np.mean(np.abs(preds - truth) / truth):.3%}")
