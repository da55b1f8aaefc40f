# label: leakage/target
# twin: tgt_v16_tire_fleet_rolling_wear__fixed.py
# source: hand-written for ai-ci held-out v16 (Apache-2.0)
import numpy as np
import pandas as pd
from lightgbm import LGBMRegressor
from sklearn.metrics import mean_absolute_error
from sklearn.model_selection import GroupShuffleSplit

CFG = {
    "path": "data/fleet_tire_inspections.csv",
    "target": "tread_loss_mm",
    "window": 3,
    "seed": 10,
}
BASE_FEATURES = ["km_since_last", "avg_load_t", "axle_position", "pressure_dev_psi",
                 "ambient_temp_c", "share_gravel_roads", "tire_age_days"]


def load_inspections(cfg):
    df = pd.read_csv(cfg["path"], parse_dates=["inspected_on"])
    df = df.sort_values(["tire_id", "inspected_on"]).reset_index(drop=True)
    return df.dropna(subset=BASE_FEATURES + [cfg["target"]])


def add_history(df, cfg):
    grouped = df.groupby("tire_id")[cfg["target"]]
    df["wear_roll"] = grouped.transform(lambda s: s.rolling(cfg["window"], min_periods=1).mean())
    df["inspection_no"] = df.groupby("tire_id").cumcount()
    return df


def split_by_tire(df, seed):
    gss = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=seed)
    tr, te = next(gss.split(df, groups=df["tire_id"]))
    return df.iloc[tr], df.iloc[te]


def main(cfg=CFG):
    df = add_history(load_inspections(cfg), cfg)
    features = BASE_FEATURES + ["wear_roll", "inspection_no"]
    train, test = split_by_tire(df, cfg["seed"])

    model = LGBMRegressor(n_estimators=700, learning_rate=0.03, num_leaves=31,
                          subsample=0.8, subsample_freq=1, random_state=cfg["seed"], verbose=-1)
    model.fit(train[features], train[cfg["target"]])
    pred = model.predict(test[features])
    mae = mean_absolute_error(test[cfg["target"]], pred)
    print(f"test MAE: {mae:.3f} mm per interval")
    baseline = mean_absolute_error(test[cfg["target"]], np.full(len(test), train[cfg["target"]].mean()))
    print(f"mean baseline MAE: {baseline:.3f} mm")


if __name__ == "__main__":
    main()
