# label: leakage/none
"""Estimate the compensation award on upheld financial ombudsman complaints.

Two models are trained on log-award (gradient boosting and a ridge baseline)
and their predictions are blended.
"""
import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.linear_model import Ridge
from sklearn.metrics import mean_absolute_error, mean_squared_error
from sklearn.model_selection import train_test_split
from sklearn.pipeline import Pipeline, make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler
from xgboost import XGBRegressor

CATEGORICAL = ["product", "firm_sector", "complaint_theme", "referral_channel", "region", "age_band"]
NUMERIC = [
    "amount_disputed_gbp",
    "days_firm_to_refer",
    "firm_prior_upheld_12m",
    "firm_size_log",
    "n_documents",
    "vulnerable_flag",
    "represented_flag",
]


def load_cases(path):
    df = pd.read_csv(path, parse_dates=["referred_on"])
    df = df[(df["outcome"] == "upheld") & df["award_gbp"].notna()]
    df["log_award"] = np.log1p(df["award_gbp"])
    df["amount_disputed_gbp"] = np.log1p(df["amount_disputed_gbp"].clip(lower=0))
    return df


def make_xgb():
    prep = ColumnTransformer(
        [("cat", OneHotEncoder(handle_unknown="ignore", min_frequency=20), CATEGORICAL)],
        remainder="passthrough",
    )
    booster = XGBRegressor(
        n_estimators=600,
        learning_rate=0.04,
        max_depth=5,
        subsample=0.8,
        colsample_bytree=0.8,
        reg_lambda=2.0,
        n_jobs=-1,
    )
    return Pipeline([("prep", prep), ("xgb", booster)])


def make_ridge():
    prep = ColumnTransformer(
        [
            ("cat", OneHotEncoder(handle_unknown="ignore", min_frequency=20), CATEGORICAL),
            ("num", make_pipeline(SimpleImputer(strategy="median"), StandardScaler()), NUMERIC),
        ]
    )
    return Pipeline([("prep", prep), ("ridge", Ridge(alpha=3.0))])


def rmse(y_true, y_pred):
    return float(np.sqrt(mean_squared_error(y_true, y_pred)))


cases = load_cases("data/ombudsman_upheld_cases.csv")
X = cases[CATEGORICAL + NUMERIC]
y = cases["log_award"]
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=3)
X_fit, X_val, y_fit, y_val = train_test_split(X_train, y_train, test_size=0.2, random_state=3)

xgb_model = make_xgb().fit(X_fit, y_fit)
ridge_model = make_ridge().fit(X_fit, y_fit)

val_xgb = xgb_model.predict(X_val)
val_ridge = ridge_model.predict(X_val)

weights = np.linspace(0.0, 1.0, 21)
blend_rmse = [rmse(y_val, w * val_xgb + (1 - w) * val_ridge) for w in weights]
w_best = float(weights[int(np.argmin(blend_rmse))])
print(f"blend weight on xgb: {w_best:.2f}")

pred_xgb = xgb_model.predict(X_test)
pred_ridge = ridge_model.predict(X_test)

pred_blend = w_best * pred_xgb + (1 - w_best) * pred_ridge
for name, pred in [("xgb", pred_xgb), ("ridge", pred_ridge), ("blend", pred_blend)]:
    print(f"{name:6s} RMSE(log) {rmse(y_test, pred):.4f}")

award_true = np.expm1(y_test)
award_pred = np.expm1(pred_blend)
print(f"MAE on award: £{mean_absolute_error(award_true, award_pred):,.0f}")
print(f"median abs error: £{np.median(np.abs(award_true - award_pred)):,.0f}")
