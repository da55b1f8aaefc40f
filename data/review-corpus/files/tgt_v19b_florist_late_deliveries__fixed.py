# label: leakage/none
import numpy as np
import pandas as pd
import xgboost as xgb
import matplotlib.pyplot as plt
from sklearn.metrics import roc_auc_score, average_precision_score

SETTINGS = {
    "orders": "ops/bouquet_orders.csv",
    "routes": "ops/van_routes.csv",
    "weather": "ops/hourly_weather.csv",
    "test_from": "2024-01-15",
    "xgb": dict(
        n_estimators=700,
        learning_rate=0.03,
        max_depth=5,
        subsample=0.85,
        colsample_bytree=0.8,
        min_child_weight=3,
        eval_metric="aucpr",
        tree_method="hist",
    ),
}


def assemble(cfg):
    orders = pd.read_csv(cfg["orders"], parse_dates=["dispatched_at", "window_end"])
    routes = pd.read_csv(cfg["routes"])
    weather = pd.read_csv(cfg["weather"], parse_dates=["hour"])
    df = orders.merge(routes, on="route_id", how="left")
    df["hour"] = df["dispatched_at"].dt.floor("h")
    df = df.merge(weather, on="hour", how="left")
    df["window_minutes"] = (df["window_end"] - df["dispatched_at"]).dt.total_seconds() / 60
    df["slack_per_stop"] = df["window_minutes"] / df["stops_before"].add(1)
    df["dispatch_hour"] = df["dispatched_at"].dt.hour
    df["weekday"] = df["dispatched_at"].dt.dayofweek
    df["valentines_week"] = df["dispatched_at"].dt.strftime("%m-%d").between("02-08", "02-14").astype(int)
    return df.sort_values("dispatched_at").reset_index(drop=True)


def add_driver_history(df):
    df["service_day"] = df["dispatched_at"].dt.normalize()
    daily = (
        df.groupby(["driver_id", "service_day"])
        .agg(runs=("late", "size"), lates=("late", "sum"))
        .reset_index()
        .sort_values(["driver_id", "service_day"])
    )
    gd = daily.groupby("driver_id")
    daily["driver_runs"] = gd["runs"].cumsum() - daily["runs"]
    daily["driver_lates"] = gd["lates"].cumsum() - daily["lates"]
    daily["driver_late_rate"] = (daily["driver_lates"] + 1) / (daily["driver_runs"] + 2)
    df = df.merge(
        daily[["driver_id", "service_day", "driver_runs", "driver_late_rate"]],
        on=["driver_id", "service_day"],
        how="left",
    )
    first_day = df.groupby("driver_id")["service_day"].transform("min")
    df["driver_tenure_days"] = (df["service_day"] - first_day).dt.days
    return df


FEATURES = [
    "distance_km", "stops_before", "window_minutes", "slack_per_stop", "bouquet_count",
    "has_plant_pot", "is_wedding", "is_funeral", "rain_mm", "temp_c", "traffic_index",
    "dispatch_hour", "weekday", "valentines_week",
    "driver_runs", "driver_late_rate", "driver_tenure_days",
]

data = add_driver_history(assemble(SETTINGS))
print(len(data), "deliveries; late share", round(data["late"].mean(), 3))

train = data[data["dispatched_at"] < SETTINGS["test_from"]]
test = data[data["dispatched_at"] >= SETTINGS["test_from"]]

clf = xgb.XGBClassifier(**SETTINGS["xgb"])
clf.fit(train[FEATURES], train["late"])
p = clf.predict_proba(test[FEATURES])[:, 1]

print(f"test ROC AUC {roc_auc_score(test['late'], p):.4f}")
print(f"test PR AUC  {average_precision_score(test['late'], p):.4f}")

test = test.assign(p_late=p)
test["risk_decile"] = pd.qcut(test["p_late"].rank(method="first"), 10, labels=False)
print(test.groupby("risk_decile")["late"].mean().round(3))

xgb.plot_importance(clf, max_num_features=12, importance_type="gain")
plt.tight_layout()
plt.show()
