# label: leakage/selection
# Seasonal efficiency of commercial wood-pellet boilers from commissioning
# flue-gas readings and fuel lab results. One row per installed boiler
# (first annual inspection after commissioning).
import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.linear_model import Ridge
from sklearn.metrics import mean_absolute_error, mean_squared_error, r2_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, PolynomialFeatures, StandardScaler

inspections = pd.read_parquet("data/pellet_boiler_inspections.parquet")
inspections = inspections[inspections["rated_output_kw"].between(20, 1000)]
inspections = inspections.dropna(subset=["seasonal_efficiency_pct"])

inspections["excess_air"] = 21.0 / (21.0 - inspections["flue_o2_pct"].clip(upper=20.0))
inspections["stack_delta_t"] = inspections["flue_temp_c"] - inspections["boiler_room_temp_c"]
inspections["log_co_ppm"] = np.log1p(inspections["flue_co_ppm"])
inspections["load_factor"] = inspections["avg_firing_kw"] / inspections["rated_output_kw"]

numeric = [
    "excess_air", "stack_delta_t", "log_co_ppm", "load_factor",
    "pellet_moisture_pct", "pellet_ash_pct", "pellet_fines_pct",
    "buffer_tank_litres", "boiler_age_years", "cleaning_interval_days",
]
categorical = ["burner_type", "ignition_type", "fuel_supplier_grade"]
target = "seasonal_efficiency_pct"

X = inspections[numeric + categorical]
y = inspections[target]

X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, random_state=42)


def make_model(degree, alpha):
    num_steps = Pipeline([
        ("poly", PolynomialFeatures(degree=degree, include_bias=False)),
        ("scale", StandardScaler()),
    ])
    prep = ColumnTransformer([
        ("num", num_steps, numeric),
        ("cat", OneHotEncoder(handle_unknown="ignore"), categorical),
    ])
    return Pipeline([("prep", prep), ("ridge", Ridge(alpha=alpha))])


def rmse(a, b):
    return float(np.sqrt(mean_squared_error(a, b)))


results = []
for degree in (1, 2):
    for alpha in np.logspace(-2, 3, 11):
        model = make_model(degree, alpha)
        model.fit(X_train, y_train)
        score = rmse(y_test, model.predict(X_test))
        results.append({"degree": degree, "alpha": alpha, "rmse": score})

results = pd.DataFrame(results).sort_values("rmse")
print(results.head(8).to_string(index=False))

best = results.iloc[0]
final = make_model(int(best["degree"]), float(best["alpha"]))
final.fit(X_train, y_train)
pred = final.predict(X_test)

print(f"\nchosen: degree={int(best['degree'])}, alpha={best['alpha']:.3g}")
print(f"test RMSE: {rmse(y_test, pred):.2f} pct-points")
print(f"test MAE:  {mean_absolute_error(y_test, pred):.2f} pct-points")
print(f"test R2:   {r2_score(y_test, pred):.3f}")

by_burner = (
    pd.DataFrame({"burner": X_test["burner_type"], "err": np.abs(y_test - pred)})
    .groupby("burner")["err"].agg(["mean", "count"])
)
print(by_burner.round(2))
