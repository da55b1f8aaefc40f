# label: leakage/none
import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.metrics import mean_absolute_error, r2_score
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import TargetEncoder

# Converter intake at the yard: each row is one catalytic converter bought over
# the counter, priced later from the refiner's assay statement.
intake = pd.read_csv("yard/converter_intake.csv", parse_dates=["intake_date"])
metals = pd.read_csv("yard/pgm_spot_daily.csv", parse_dates=["date"])

intake = intake.merge(
    metals.rename(columns={"date": "intake_date"}), on="intake_date", how="left"
)
intake = intake.dropna(subset=["assay_value_gbp", "weight_g"])

intake["log_value"] = np.log1p(intake["assay_value_gbp"])
intake["vehicle_age"] = intake["intake_date"].dt.year - intake["vehicle_year"]
intake["is_diesel"] = (intake["fuel"] == "diesel").astype(int)
intake["is_metallic"] = (intake["substrate"] == "metallic").astype(int)
intake["shell_damage"] = intake["shell_condition"].map({"good": 0, "dented": 1, "cut": 2})
intake["basket_index"] = (
    0.45 * intake["pt_gbp_oz"] + 0.45 * intake["pd_gbp_oz"] + 0.10 * intake["rh_gbp_oz"]
)

HIGH_CARD = ["serial_code", "vehicle_model", "seller_postcode_area"]
ENCODED = [f"{c}_te" for c in HIGH_CARD]
NUMERIC = [
    "weight_g", "vehicle_age", "is_diesel", "is_metallic", "shell_damage",
    "engine_cc", "pt_gbp_oz", "pd_gbp_oz", "rh_gbp_oz", "basket_index",
]

train, test = train_test_split(intake, test_size=0.2, random_state=42)
train, test = train.copy(), test.copy()

encoder = TargetEncoder(target_type="continuous", smooth="auto", cv=5, random_state=42)
train[ENCODED] = encoder.fit_transform(train[HIGH_CARD], train["log_value"])
test[ENCODED] = encoder.transform(test[HIGH_CARD])

features = ENCODED + NUMERIC
dtrain = xgb.DMatrix(train[features], label=train["log_value"])
dtest = xgb.DMatrix(test[features], label=test["log_value"])

params = {
    "objective": "reg:squarederror",
    "eta": 0.05,
    "max_depth": 6,
    "subsample": 0.8,
    "colsample_bytree": 0.8,
    "min_child_weight": 5,
    "lambda": 2.0,
    "seed": 42,
}
booster = xgb.train(params, dtrain, num_boost_round=700)

pred_gbp = np.expm1(booster.predict(dtest))
true_gbp = test["assay_value_gbp"].to_numpy()
print(f"MAE  £{mean_absolute_error(true_gbp, pred_gbp):,.2f}")
print(f"R2   {r2_score(test['log_value'], np.log1p(pred_gbp)):.3f} (log scale)")
print(f"median abs % err {np.median(np.abs(pred_gbp - true_gbp) / true_gbp):.1%}")

gain = booster.get_score(importance_type="gain")
print(pd.Series(gain).sort_values(ascending=False).round(1).head(10))
