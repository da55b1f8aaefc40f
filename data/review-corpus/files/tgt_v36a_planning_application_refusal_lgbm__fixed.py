# label: leakage/none
"""Refusal risk for householder and minor planning applications, Ashby Vale DC.

Trained on decided applications from the planning portal extract. Scored when
the consultation period closes, so case officers can pick which cases to raise
at the weekly delegation meeting.
"""
import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.metrics import log_loss, roc_auc_score

APP_TYPES = ["householder", "minor_dwelling", "change_of_use", "listed_building_consent", "advert"]
FLOOD_ZONES = ["1", "2", "3a", "3b"]


class RefusalModel:
    categorical = ["app_type", "flood_zone"]
    numeric = [
        "site_area_m2",
        "floor_area_added_m2",
        "storeys",
        "dwellings_proposed",
        "conservation_area",
        "listed_building",
        "green_belt",
        "tpo_on_site",
        "objections_count",
        "support_count",
        "statutory_objections",
        "pre_app_advice",
        "agent_used",
        "weeks_to_validate",
    ]

    def __init__(self, **params):
        self.params = dict(
            n_estimators=700,
            learning_rate=0.03,
            num_leaves=31,
            min_child_samples=30,
            subsample=0.8,
            subsample_freq=1,
            colsample_bytree=0.8,
            reg_lambda=1.0,
            verbose=-1,
        )
        self.params.update(params)
        self.model = lgb.LGBMClassifier(**self.params)

    def frame(self, df):
        X = df[self.categorical + self.numeric].copy()
        X["app_type"] = X["app_type"].astype(pd.CategoricalDtype(APP_TYPES))
        X["flood_zone"] = X["flood_zone"].astype(str).astype(pd.CategoricalDtype(FLOOD_ZONES))
        return X

    def fit(self, df, y):
        self.model.fit(self.frame(df), y, categorical_feature=self.categorical)
        return self

    def predict_proba(self, df):
        return self.model.predict_proba(self.frame(df))[:, 1]

    def importances(self):
        names = self.categorical + self.numeric
        return pd.Series(self.model.booster_.feature_importance("gain"), index=names)


def load_decided(path):
    df = pd.read_csv(path, parse_dates=["received_date", "valid_date", "decision_date"])
    df = df[df["decision"].isin(["granted", "refused"])].copy()
    df["refused"] = (df["decision"] == "refused").astype(int)
    df["weeks_to_validate"] = (df["valid_date"] - df["received_date"]).dt.days / 7
    for col in ["conservation_area", "listed_building", "green_belt", "tpo_on_site",
                "pre_app_advice", "agent_used"]:
        df[col] = df[col].fillna(False).astype(int)
    return df


if __name__ == "__main__":
    apps = load_decided("data/planning_portal_decided_2018_2024.csv")
    print(apps.groupby(apps["valid_date"].dt.year)["refused"].agg(["size", "mean"]))

    cutoff = pd.Timestamp("2023-07-01")
    train = apps[apps["decision_date"] < cutoff]
    test = apps[apps["valid_date"] >= cutoff]

    model = RefusalModel(random_state=17).fit(train, train["refused"])
    p = model.predict_proba(test)

    print(f"test AUC      {roc_auc_score(test['refused'], p):.3f}")
    print(f"test log loss {log_loss(test['refused'], p):.4f}")
    print(f"base rate     {test['refused'].mean():.3f}")

    flagged = p >= np.quantile(p, 0.8)
    print(f"refusal rate in top 20% flagged: {test['refused'][flagged].mean():.2%}")
    print(model.importances().sort_values(ascending=False).head(10))
