# label: leakage/none
# twin: pre_v15_ghg_facility_target_encoding__leaky.py
# source: hand-written for ai-ci held-out v15 (Apache-2.0)
"""Estimate annual facility CO2e for a greenhouse-gas inventory from reported activity data."""
import category_encoders as ce
import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.metrics import mean_absolute_percentage_error

INVENTORY = "data/ghg/facility_inventory_2022.parquet"
CAT_COLS = ["naics_code", "state", "primary_fuel", "process_type"]
NUM_COLS = ["fuel_use_tj", "electricity_mwh", "production_index", "employees",
            "operating_hours", "boiler_capacity_mw", "has_ccs"]
TARGET = "log_co2e_t"


def load_inventory(path):
    df = pd.read_parquet(path).drop_duplicates("facility_id")
    df = df[df["co2e_tonnes"] > 0].copy()
    df[TARGET] = np.log10(df["co2e_tonnes"])
    df[CAT_COLS] = df[CAT_COLS].astype(str)
    return df


def split_frames(df, test_share=0.2, seed=31):
    rng = np.random.default_rng(seed)
    is_test = rng.random(len(df)) < test_share
    return {"train": df[~is_test], "test": df[is_test]}


def encode(frames, encoder):
    return {
        name: pd.concat([encoder.transform(f[CAT_COLS]), f[NUM_COLS]], axis=1)
        for name, f in frames.items()
    }


def main():
    frames = split_frames(load_inventory(INVENTORY))
    encoder = ce.TargetEncoder(cols=CAT_COLS, smoothing=20.0, min_samples_leaf=10)
    encoder.fit(frames["train"][CAT_COLS], frames["train"][TARGET])
    X = encode(frames, encoder)

    model = xgb.XGBRegressor(n_estimators=600, max_depth=5, learning_rate=0.05,
                             subsample=0.9, colsample_bytree=0.8, random_state=31)
    model.fit(X["train"], frames["train"][TARGET])

    test = frames["test"].assign(pred=model.predict(X["test"]))
    mae_log = (test["pred"] - test[TARGET]).abs().mean()
    mape = mean_absolute_percentage_error(10 ** test[TARGET], 10 ** test["pred"])
    print(f"test MAE (log10 t): {mae_log:.3f}   MAPE: {mape:.1%}   n={len(test)}")

    by_fuel = (
        test.assign(abs_err=(test["pred"] - test[TARGET]).abs())
        .groupby("primary_fuel")["abs_err"]
        .agg(["mean", "count"])
        .sort_values("mean", ascending=False)
    )
    print(by_fuel.head(10).to_string())
    total_true, total_pred = (10 ** test[TARGET]).sum(), (10 ** test["pred"]).sum()
    print(f"inventory total: reported {total_true / 1e6:.2f} Mt, modelled {total_pred / 1e6:.2f} Mt")


if __name__ == "__main__":
    main()
