# label: leakage/selection
"""Estimate how many days a submarine cable repair will take, from the fault ticket.

Each row is one repair operation from the maintenance zone's ticket archive.
"""
import polars as pl
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import HistGradientBoostingRegressor, RandomForestRegressor
from sklearn.linear_model import RidgeCV
from sklearn.metrics import mean_absolute_error, median_absolute_error
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

TICKETS = "data/cable_repair_tickets.parquet"
CUTOFF = "2022-01-01"

NUMERIC = [
    "water_depth_m", "distance_to_port_km", "burial_depth_m", "fibre_pairs",
    "ship_transit_days", "forecast_hs_m", "forecast_wind_kn", "cable_age_years",
]
CATEGORICAL = ["fault_type", "cable_system", "region", "permit_zone"]


def build_frame(path):
    df = (
        pl.read_parquet(path)
        .filter(pl.col("repair_days").is_not_null())
        .with_columns(
            pl.col("fault_reported").str.to_datetime(),
            pl.col("repair_completed").str.to_datetime(),
            pl.col("fault_reported").str.to_datetime().dt.month().alias("month"),
            (pl.col("water_depth_m") > 1000).cast(pl.Int8).alias("deep_water"),
            (pl.col("forecast_hs_m") * pl.col("distance_to_port_km")).alias("exposure"),
        )
        .sort("fault_reported")
    )
    return df


def make_preprocessor():
    return ColumnTransformer([
        ("num", StandardScaler(), NUMERIC + ["month", "deep_water", "exposure"]),
        ("cat", OneHotEncoder(handle_unknown="ignore", min_frequency=5), CATEGORICAL),
    ])


def make_models():
    return {
        "ridge": Pipeline([("pre", make_preprocessor()),
                           ("reg", RidgeCV(alphas=[0.1, 1.0, 10.0, 100.0]))]),
        "forest": Pipeline([("pre", make_preprocessor()), ("reg", RandomForestRegressor(
            n_estimators=500, min_samples_leaf=3, n_jobs=-1, random_state=0))]),
        "hgb": Pipeline([("pre", make_preprocessor()), ("reg", HistGradientBoostingRegressor(
            loss="absolute_error", max_iter=300, learning_rate=0.05, random_state=0))]),
    }


def main():
    df = build_frame(TICKETS)
    cutoff = pl.lit(CUTOFF).str.to_datetime()
    train = df.filter(pl.col("repair_completed") < cutoff).to_pandas()
    test = df.filter(pl.col("fault_reported") >= cutoff).to_pandas()
    print(f"train tickets: {len(train)}, test tickets: {len(test)}")

    cols = NUMERIC + CATEGORICAL + ["month", "deep_water", "exposure"]
    X_train, y_train = train[cols], train["repair_days"]
    X_test, y_test = test[cols], test["repair_days"]

    scores, fitted = {}, {}
    for name, model in make_models().items():
        model.fit(X_train, y_train)
        mae = mean_absolute_error(y_test, model.predict(X_test))
        scores[name], fitted[name] = mae, model
        print(f"{name:>7}: MAE {mae:.2f} days")

    best = min(scores, key=scores.get)
    model = fitted[best]
    pred = model.predict(X_test)
    print(f"\nselected model: {best}")
    print(f"test MAE:        {mean_absolute_error(y_test, pred):.2f} days")
    print(f"test median AE:  {median_absolute_error(y_test, pred):.2f} days")

    by_fault = (
        pl.from_pandas(test.assign(pred=pred))
        .group_by("fault_type")
        .agg((pl.col("pred") - pl.col("repair_days")).abs().mean().alias("mae"),
             pl.len().alias("n"))
        .sort("mae", descending=True)
    )
    print(by_fault)


if __name__ == "__main__":
    main()
