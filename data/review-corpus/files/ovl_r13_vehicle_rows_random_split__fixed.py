# label: leakage/none
# twin: ovl_r13_vehicle_rows_random_split__leaky.py
# source: hand-written for ai-ci, tuning part of round 13 (Apache-2.0)
"""Serious/fatal accident classifier built from police records (one row per vehicle)."""
import lightgbm as lgb
import pandas as pd
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import GroupShuffleSplit

# STATS19-style integer codes, treated as categorical by LightGBM
CATEGORICAL = ["road_type", "weather_code", "light_code", "vehicle_type", "junction_detail"]
NUMERIC = ["speed_limit", "n_vehicles", "driver_age", "vehicle_age", "engine_cc",
           "hour", "is_weekend"]
FEATURES = CATEGORICAL + NUMERIC
PARAMS = {"objective": "binary", "learning_rate": 0.03, "num_leaves": 63,
          "min_data_in_leaf": 50, "feature_fraction": 0.8, "verbose": -1}


def load_vehicles(acc_path, veh_path):
    accidents = pd.read_csv(acc_path, parse_dates=["datetime"])
    vehicles = pd.read_csv(veh_path)
    return vehicles.merge(accidents, on="accident_id", how="inner", validate="many_to_one")


def add_features(df):
    out = df.copy()
    out["hour"] = out["datetime"].dt.hour
    out["is_weekend"] = (out["datetime"].dt.dayofweek >= 5).astype(int)
    out["severe"] = out["accident_severity"].isin([1, 2]).astype(int)
    return out


def split_frames(df, test_size=0.2, seed=0):
    # all vehicles of one accident share its severity and conditions: keep them together
    gss = GroupShuffleSplit(n_splits=1, test_size=test_size, random_state=seed)
    train_idx, test_idx = next(gss.split(df, groups=df["accident_id"]))
    return df.iloc[train_idx], df.iloc[test_idx]


def to_dataset(frame):
    return lgb.Dataset(frame[FEATURES], label=frame["severe"],
                       categorical_feature=CATEGORICAL, free_raw_data=False)


vehicles = add_features(load_vehicles("data/accidents.csv", "data/vehicles.csv"))
train, test = split_frames(vehicles)
print(f"train vehicles {len(train)}, test vehicles {len(test)}")

booster = lgb.train(PARAMS, to_dataset(train), num_boost_round=600)
pred = booster.predict(test[FEATURES])
print(f"test ROC AUC {roc_auc_score(test['severe'], pred):.4f}")
print(f"test PR AUC  {average_precision_score(test['severe'], pred):.4f}")
