# label: leakage/none
# twin: tgt_v15_container_dwell_days__leaky.py
# source: hand-written for ai-ci held-out v15 (Apache-2.0)
"""Predict import-container dwell time (days) at a marine terminal, scored at vessel discharge."""
import numpy as np
import pandas as pd
from catboost import CatBoostRegressor, Pool
from sklearn.metrics import mean_absolute_error

MOVES = "data/terminal/import_containers.parquet"
CAT = ["carrier", "container_type", "consignee_segment", "customs_regime",
       "origin_region", "hazmat_class"]
NUM = ["teu", "gross_weight_t", "vessel_delay_h", "yard_occupancy_pct", "free_time_days",
       "discharge_weekday", "days_to_holiday", "reefer"]
TARGET = "dwell_days"


def prepare(path):
    df = pd.read_parquet(path)
    df = df[df["gate_out_time"].notna()].copy()
    df[TARGET] = (df["gate_out_time"] - df["discharge_time"]).dt.total_seconds() / 86400
    df = df[df[TARGET].between(0, 60)]
    df["discharge_weekday"] = df["discharge_time"].dt.weekday
    df[CAT] = df[CAT].fillna("none").astype(str)
    return df.sort_values("discharge_time").reset_index(drop=True)


def chrono_split(df, test_frac=0.2):
    cut = int(len(df) * (1 - test_frac))
    return df.iloc[:cut], df.iloc[cut:]


def main():
    df = prepare(MOVES)
    train, test = chrono_split(df)
    train_pool = Pool(train[CAT + NUM], train[TARGET], cat_features=CAT)
    test_pool = Pool(test[CAT + NUM], test[TARGET], cat_features=CAT)

    model = CatBoostRegressor(
        iterations=1500, depth=6, learning_rate=0.05, loss_function="MAE",
        random_seed=0, verbose=200,
    )
    model.fit(train_pool)
    pred = model.predict(test_pool)

    mae = mean_absolute_error(test[TARGET], pred)
    within_1d = np.mean(np.abs(pred - test[TARGET]) <= 1.0)
    print(f"test MAE {mae:.2f} days; {within_1d:.1%} within one day (n={len(test)})")

    imp = pd.Series(model.get_feature_importance(train_pool), index=CAT + NUM)
    print(imp.sort_values(ascending=False).head(8).round(1).to_string())
    test.assign(pred_dwell=pred)[["container_no", "discharge_time", TARGET, "pred_dwell"]].to_csv(
        "outputs/dwell_predictions.csv", index=False
    )


if __name__ == "__main__":
    main()
