# label: leakage/overlap
# twin: ovl_v16_drone_battery_packs__fixed.py
# source: hand-written for ai-ci held-out v16 (Apache-2.0)
import numpy as np
import pandas as pd
from sklearn.metrics import mean_absolute_error, r2_score
from sklearn.model_selection import GroupShuffleSplit, train_test_split
from xgboost import XGBRegressor

DATA_PATH = "data/drone_battery_cycles.parquet"
TARGET = "capacity_retention_pct"
FEATURES = [
    "cycle_index", "mean_discharge_c", "peak_discharge_c", "charge_temp_c", "discharge_temp_c",
    "depth_of_discharge", "rest_minutes", "internal_resistance_mohm", "flight_minutes",
]
XGB_PARAMS = dict(n_estimators=800, learning_rate=0.03, max_depth=6, subsample=0.8,
                  colsample_bytree=0.8, reg_lambda=1.0, random_state=4)


def load_cycles(path):
    df = pd.read_parquet(path)
    df = df[df["flight_minutes"] > 0]
    return df.dropna(subset=FEATURES + [TARGET]).reset_index(drop=True)


def split_cycles(df, test_size=0.2, seed=4):
    train_df, test_df = train_test_split(df, test_size=test_size, random_state=seed)
    return train_df, test_df


def fit_model(train_df):
    model = XGBRegressor(**XGB_PARAMS)
    model.fit(train_df[FEATURES], train_df[TARGET])
    return model


def per_pack_error(test_df, pred):
    out = test_df[["pack_id"]].assign(abs_err=np.abs(test_df[TARGET].to_numpy() - pred))
    return out.groupby("pack_id")["abs_err"].mean().sort_values(ascending=False)


def main():
    df = load_cycles(DATA_PATH)
    print(f"{df['pack_id'].nunique()} packs, {len(df)} cycles")
    train_df, test_df = split_cycles(df)
    model = fit_model(train_df)
    pred = model.predict(test_df[FEATURES])
    print(f"test MAE: {mean_absolute_error(test_df[TARGET], pred):.3f} pct-points")
    print(f"test R2:  {r2_score(test_df[TARGET], pred):.3f}")
    print("worst packs:\n", per_pack_error(test_df, pred).head())


if __name__ == "__main__":
    main()
