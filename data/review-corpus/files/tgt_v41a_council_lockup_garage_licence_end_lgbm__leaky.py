# label: leakage/target
"""Council lock-up garages: which licences will be ended during the coming year?

Scored each April at the annual licence renewal so the housing team can plan
offers to the waiting list and target sites with high turnover for repairs.
"""
import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.metrics import roc_auc_score, average_precision_score

FEATURES = [
    "years_held", "weekly_rent_gbp", "distance_home_km", "rent_paid_late",
    "arrears_weeks_prev", "warning_letters_prev", "licensee_age",
    "is_council_tenant", "has_power", "door_type_up_and_over", "vehicle_registered",
    "site_waiting_list", "garage_clearance_charge_gbp", "site",
]
TARGET = "licence_ended"


def load_licences(path):
    df = pd.read_csv(path)
    df = df[df["licence_year"].between(2017, 2023)].copy()
    df["site"] = df["site"].astype("category")
    for col in ["is_council_tenant", "has_power", "door_type_up_and_over", "vehicle_registered", "rent_paid_late"]:
        df[col] = df[col].fillna(0).astype(int)
    df["garage_clearance_charge_gbp"] = df["garage_clearance_charge_gbp"].fillna(0.0)
    return df


def fit_booster(train):
    params = {
        "objective": "binary",
        "learning_rate": 0.03,
        "num_leaves": 15,
        "min_data_in_leaf": 40,
        "feature_fraction": 0.8,
        "bagging_fraction": 0.8,
        "bagging_freq": 1,
        "lambda_l2": 2.0,
        "seed": 12,
        "verbose": -1,
    }
    dtrain = lgb.Dataset(train[FEATURES], label=train[TARGET], categorical_feature=["site"])
    return lgb.train(params, dtrain, num_boost_round=700)


def top_share(y, p, frac=0.15):
    k = int(np.ceil(frac * len(p)))
    order = np.argsort(-p)[:k]
    return y[order].sum() / max(y.sum(), 1)


def main():
    licences = load_licences("garage_licences.csv")
    train = licences[licences["licence_year"] <= 2022]
    test = licences[licences["licence_year"] == 2023]
    print(f"train {len(train)} garage-years, test {len(test)}; "
          f"end rate {train[TARGET].mean():.1%} / {test[TARGET].mean():.1%}")

    booster = fit_booster(train)
    p = booster.predict(test[FEATURES])
    y = test[TARGET].to_numpy()

    print(f"AUC {roc_auc_score(y, p):.3f}   AP {average_precision_score(y, p):.3f}")
    print(f"ended licences caught in top 15% of garages: {top_share(y, p):.1%}")

    gain = pd.Series(booster.feature_importance("gain"), index=FEATURES)
    print((gain / gain.sum()).sort_values(ascending=False).round(3))


if __name__ == "__main__":
    main()
