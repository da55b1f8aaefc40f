# label: leakage/target
"""Pay-as-you-go cookstove plans: will the household reach ownership?

Scored at sign-up so field agents can offer a smaller daily rate or a longer
plan to households that are unlikely to finish paying.
"""
import pandas as pd
from imblearn.pipeline import Pipeline
from imblearn.under_sampling import RandomUnderSampler
from sklearn.compose import ColumnTransformer
from sklearn.metrics import average_precision_score, classification_report, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import OrdinalEncoder
from xgboost import XGBClassifier

CATEGORICAL = ["stove_model", "region", "mobile_money_provider", "agent_channel"]
NUMERIC = [
    "deposit_paid", "daily_rate", "plan_length_days", "household_size",
    "prior_payg_product", "start_month", "distance_to_agent_km",
    "phone_is_smartphone", "days_on_plan",
]
TARGET = "reached_ownership"


def build_features(plans):
    plans = plans.copy()
    plans["start_month"] = plans["plan_start"].dt.month
    plans["phone_is_smartphone"] = (plans["phone_type"] == "smart").astype(int)
    plans["days_on_plan"] = (plans["plan_closed"] - plans["plan_start"]).dt.days
    plans["agent_channel"] = plans["agent_channel"].fillna("direct")
    return plans


def make_model():
    prep = ColumnTransformer([
        ("cat", OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=-1),
         CATEGORICAL),
        ("num", "passthrough", NUMERIC),
    ])
    return Pipeline([
        ("prep", prep),
        ("under", RandomUnderSampler(sampling_strategy=0.5, random_state=13)),
        ("xgb", XGBClassifier(
            n_estimators=350, max_depth=4, learning_rate=0.05,
            subsample=0.9, colsample_bytree=0.8, eval_metric="logloss",
        )),
    ])


def main():
    plans = pd.read_csv("payg_plans.csv", parse_dates=["plan_start", "plan_closed"])
    plans = plans[plans["status"].isin(["owned", "defaulted", "repossessed"])]
    # one plan per household: keep its first stove
    plans = plans.sort_values("plan_start").drop_duplicates("household_id")
    plans = build_features(plans)

    X = plans[CATEGORICAL + NUMERIC]
    y = plans[TARGET]
    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=0.25, stratify=y, random_state=13
    )

    model = make_model()
    model.fit(X_train, y_train)
    proba = model.predict_proba(X_test)[:, 1]

    print(f"ownership rate: {y.mean():.3f}")
    print(f"ROC AUC: {roc_auc_score(y_test, proba):.3f}")
    print(f"PR AUC:  {average_precision_score(y_test, proba):.3f}")
    print(classification_report(y_test, (proba >= 0.5).astype(int), digits=3))

    by_region = (
        X_test.assign(actual=y_test, predicted=proba)
        .groupby("region")[["actual", "predicted"]]
        .mean()
        .round(3)
    )
    print(by_region)


if __name__ == "__main__":
    main()
