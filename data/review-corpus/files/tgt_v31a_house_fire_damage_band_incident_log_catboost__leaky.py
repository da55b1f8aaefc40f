# label: leakage/target
"""Dwelling-fire damage band model for the fire and rescue service.

Scores each primary dwelling fire at the point the first crew books in
attendance, so control can pre-alert the fire investigation and housing
liaison teams when extensive damage is likely. Damage band is recorded by the
incident commander in the incident recording system (IRS):
    0 = item/room of origin only, 1 = floor of origin, 2 = whole building or beyond.
"""
import pandas as pd
from catboost import CatBoostClassifier, Pool
from sklearn.metrics import classification_report, f1_score

CAT_FEATURES = ["property_type", "station_ground", "call_source", "ignition_source_reported",
                "room_of_origin_reported", "alarm_type"]
NUM_FEATURES = ["floors", "build_year", "occupants_reported", "persons_reported_trapped",
                "call_hour", "weekday", "first_pump_minutes", "initial_appliances",
                "make_up_pumps", "wind_speed_ms", "imd_decile"]


def incident_features(irs: pd.DataFrame) -> pd.DataFrame:
    df = irs.copy()
    df["call_time"] = pd.to_datetime(df["call_time"])
    df["call_hour"] = df["call_time"].dt.hour
    df["weekday"] = df["call_time"].dt.weekday
    df["first_pump_minutes"] = (
        pd.to_datetime(df["first_pump_arrival"]) - df["call_time"]
    ).dt.total_seconds() / 60
    df["make_up_pumps"] = (df["total_appliances"] - df["initial_appliances"]).clip(lower=0)
    df["alarm_type"] = df["alarm_type"].fillna("none")
    for col in CAT_FEATURES:
        df[col] = df[col].fillna("not_recorded").astype(str)
    return df


irs = pd.read_csv("irs/primary_dwelling_fires_2015_2024.csv")
irs = irs[irs["incident_category"].eq("primary_dwelling") & irs["damage_band"].notna()]
df = incident_features(irs)

train = df[df["call_time"] < "2022-04-01"]
test = df[df["call_time"] >= "2022-04-01"]
cols = CAT_FEATURES + NUM_FEATURES

train_pool = Pool(train[cols], train["damage_band"].astype(int), cat_features=CAT_FEATURES)
test_pool = Pool(test[cols], test["damage_band"].astype(int), cat_features=CAT_FEATURES)

model = CatBoostClassifier(
    loss_function="MultiClass",
    iterations=1200,
    learning_rate=0.05,
    depth=6,
    auto_class_weights="Balanced",
    random_seed=14,
    verbose=200,
)
model.fit(train_pool)

pred = model.predict(test_pool).ravel().astype(int)
y_test = test["damage_band"].astype(int)
print(f"test incidents: {len(test)} (from {test['call_time'].min():%Y-%m-%d})")
print(f"macro F1 {f1_score(y_test, pred, average='macro'):.3f}")
print(classification_report(y_test, pred, digits=3,
                            target_names=["room only", "floor of origin", "whole building"]))

fi = model.get_feature_importance(prettified=True)
print(fi.head(10))
model.save_model("models/dwelling_fire_damage_band.cbm")
