# label: leakage/preprocessing
"""Inbound waste wood loads: predict the reject share (% of net weight: treated
timber, plastics, plasterboard, stone) pulled off the picking line, from the
weighbridge and gate inspection records."""
import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.metrics import mean_absolute_error, r2_score
from sklearn.model_selection import train_test_split

GRADES = ["grade_a", "grade_b", "grade_c", "pallets", "fencing", "demolition_mixed", "furniture"]
SUPPLIERS = ["demolition", "skip_hire", "joinery", "household_recycling_centre", "walk_in"]
FILL_BY_GRADE = ["moisture_pct", "bulk_density_t_m3", "painted_surface_score"]

NUMERIC = ["net_weight_t", "haul_km", "moisture_pct", "bulk_density_t_m3",
           "painted_surface_score", "rain_mm_48h", "supplier_loads_12m", "vehicle_axles"]
CATEGORICAL = ["declared_grade", "supplier_type"]


def read_loads(path):
    df = pd.read_csv(path, parse_dates=["weighbridge_time"])
    df = df[(df["net_weight_t"] > 0.5) & (df["reject_pct"].between(0, 60))]
    df["declared_grade"] = df["declared_grade"].astype(pd.CategoricalDtype(GRADES))
    df["supplier_type"] = df["supplier_type"].astype(pd.CategoricalDtype(SUPPLIERS))
    df["month"] = df["weighbridge_time"].dt.month
    return df.reset_index(drop=True)


def fill_sensor_gaps(df):
    # moisture probe, density camera and the gate inspector's paint score have gaps
    out = df.copy()
    for col in FILL_BY_GRADE:
        med = out.groupby("declared_grade", observed=True)[col].transform("median")
        out[col] = out[col].fillna(med)
    return out


def main():
    loads = read_loads("data/wood_yard_loads_2022_2024.csv")
    print(f"{len(loads)} loads, mean reject share {loads['reject_pct'].mean():.2f}%")

    loads = fill_sensor_gaps(loads)
    features = NUMERIC + CATEGORICAL + ["month"]

    train, test = train_test_split(loads, test_size=0.2, random_state=5)

    model = lgb.LGBMRegressor(
        objective="huber",
        n_estimators=900,
        learning_rate=0.03,
        num_leaves=31,
        min_child_samples=40,
        subsample=0.8,
        subsample_freq=1,
        colsample_bytree=0.8,
        random_state=5,
        verbose=-1,
    )
    model.fit(train[features], train["reject_pct"], categorical_feature=CATEGORICAL)

    pred = model.predict(test[features])
    print(f"MAE : {mean_absolute_error(test['reject_pct'], pred):.3f} pct-points")
    print(f"R^2 : {r2_score(test['reject_pct'], pred):.3f}")

    test = test.assign(pred=pred, abs_err=np.abs(test["reject_pct"] - pred))
    print(test.groupby("declared_grade", observed=True)[["reject_pct", "pred", "abs_err"]]
          .mean().round(2).to_string())

    imp = pd.Series(model.booster_.feature_importance("gain"), index=features)
    print((imp / imp.sum()).sort_values(ascending=False).round(3).to_string())


if __name__ == "__main__":
    main()
