# label: leakage/none
"""Red cell units transfused within 24 h of elective surgery, predicted at the
pre-operative assessment, to tune the maximum surgical blood ordering schedule.
"""
import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.metrics import mean_absolute_error, mean_poisson_deviance
from sklearn.preprocessing import OrdinalEncoder

ops = pd.read_csv("data/theatres/elective_cases_2018_2024.csv", parse_dates=["op_date"])
preop = pd.read_csv("data/theatres/preop_assessment.csv")
bank = pd.read_csv("data/bloodbank/issue_return_ledger.csv")

cases = (
    ops.merge(preop, on="case_id", how="inner")
    .merge(bank[["case_id", "units_xm_preop"]], on="case_id", how="left")
)
cases = cases[cases["urgency"] == "elective"].dropna(subset=["rbc_units_24h", "preop_hb"])
cases["units_xm_preop"] = cases["units_xm_preop"].fillna(0)

cases["anticoag"] = cases["anticoagulant"].notna().astype(int)
cases["bmi"] = cases["weight_kg"] / (cases["height_cm"] / 100) ** 2
cases["ebv_ml"] = np.where(cases["sex"] == "M", 75, 65) * cases["weight_kg"]
cases["hb_mass_g"] = cases["preop_hb"] / 1000 * cases["ebv_ml"]  # preop_hb in g/L, ebv in mL -> grams
cases["revision"] = cases["procedure_desc"].str.contains("revision", case=False, na=False).astype(int)

CATS = ["opcs_chapter", "specialty", "asa_grade", "anaesthetic_type"]
NUMS = [
    "age", "bmi", "preop_hb", "preop_platelets", "preop_inr", "preop_creatinine", "ebv_ml",
    "hb_mass_g", "anticoag", "revision", "planned_minutes", "tranexamic_planned",
    "cell_salvage_planned", "units_xm_preop",
]

# later operating years as the test period
train = cases[cases["op_date"] < "2023-01-01"].copy()
test = cases[cases["op_date"] >= "2023-01-01"].copy()

enc = OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=-1, encoded_missing_value=-1)
train[CATS] = enc.fit_transform(train[CATS].astype(str)).astype(int)
test[CATS] = enc.transform(test[CATS].astype(str)).astype(int)

FEATURES = NUMS + CATS
fit_mask = train["op_date"] < "2022-01-01"
dfit = lgb.Dataset(train.loc[fit_mask, FEATURES], train.loc[fit_mask, "rbc_units_24h"], categorical_feature=CATS)
dval = lgb.Dataset(train.loc[~fit_mask, FEATURES], train.loc[~fit_mask, "rbc_units_24h"], reference=dfit)

params = {
    "objective": "poisson", "learning_rate": 0.03, "num_leaves": 31, "min_data_in_leaf": 60,
    "feature_fraction": 0.85, "lambda_l2": 2.0, "verbose": -1, "seed": 2,
}
booster = lgb.train(params, dfit, num_boost_round=4000, valid_sets=[dval],
                    callbacks=[lgb.early_stopping(150), lgb.log_evaluation(250)])

pred = booster.predict(test[FEATURES], num_iteration=booster.best_iteration)
y = test["rbc_units_24h"].to_numpy()
print(f"MAE (units): {mean_absolute_error(y, pred):.3f}")
print(f"Poisson deviance: {mean_poisson_deviance(y, np.clip(pred, 1e-6, None)):.3f}")

# any-transfusion view, which drives the group-and-save vs crossmatch decision
any_tx = y > 0
p_any = 1 - np.exp(-pred)
print("observed any-transfusion rate:", round(any_tx.mean(), 3), "| mean predicted:", round(p_any.mean(), 3))

by_spec = test.assign(pred=pred).groupby("specialty")[["rbc_units_24h", "pred"]].mean().round(2)
print(by_spec)
