# label: leakage/target
"""Control-room call triage: probability that an incident turns out to be a working fire.

Built from the incident recording system export joined to the mobilising log.
Used to rank calls from automatic fire alarm (AFA) systems and unclear 999 calls
when the predetermined attendance has to be reduced at night.
"""
import pandas as pd
from catboost import CatBoostClassifier, Pool
from sklearn.metrics import average_precision_score, roc_auc_score

IRS = "irs_export/incidents_2018_2024.csv"
MOB = "irs_export/mobilisations_2018_2024.csv"

CAT_FEATURES = ["call_source", "property_type", "station_ground", "premises_risk_band",
                "caller_reported", "hour_band", "weekday"]
NUM_FEATURES = ["pda_pumps", "calls_before_mobilise", "afa_actuations_12m",
                "previous_fires_address_5y", "building_height_floors", "pump_hours"]


def build_frame():
    inc = pd.read_csv(IRS, parse_dates=["call_time", "stop_time"])
    mob = pd.read_csv(MOB, parse_dates=["mobilised_time", "available_time"])

    pumps = (mob[mob["appliance_class"] == "pump"]
             .assign(hours=lambda d: (d["available_time"] - d["mobilised_time"]).dt.total_seconds() / 3600)
             .groupby("incident_id")
             .agg(pump_hours=("hours", "sum")))
    df = inc.merge(pumps, on="incident_id", how="left")
    df["pump_hours"] = df["pump_hours"].fillna(0)

    df["working_fire"] = df["incident_category"].isin(["primary_fire", "secondary_fire"]).astype(int)
    df["hour_band"] = pd.cut(df["call_time"].dt.hour, bins=[-1, 5, 11, 17, 21, 23],
                             labels=["night", "morning", "afternoon", "evening", "late"]).astype(str)
    df["weekday"] = df["call_time"].dt.day_name()
    df["caller_reported"] = df["caller_reported"].fillna("unknown")
    df["premises_risk_band"] = df["premises_risk_band"].fillna("unrated")
    df["building_height_floors"] = df["building_height_floors"].fillna(-1)
    return df


df = build_frame()
cut = pd.Timestamp("2023-04-01")
train = df[df["call_time"] < cut]
test = df[df["call_time"] >= cut]
features = CAT_FEATURES + NUM_FEATURES

model = CatBoostClassifier(iterations=1500, learning_rate=0.04, depth=6,
                           l2_leaf_reg=5, loss_function="Logloss",
                           auto_class_weights="SqrtBalanced", random_seed=12, verbose=250)
model.fit(Pool(train[features], train["working_fire"], cat_features=CAT_FEATURES))

p = model.predict_proba(Pool(test[features], cat_features=CAT_FEATURES))[:, 1]
print(f"incidents since {cut.date()}: {len(test)}, working fires {test['working_fire'].mean():.1%}")
print(f"ROC AUC {roc_auc_score(test['working_fire'], p):.3f}")
print(f"PR AUC  {average_precision_score(test['working_fire'], p):.3f}")

afa = test["call_source"] == "afa"
print(f"AFA calls only: ROC AUC {roc_auc_score(test.loc[afa, 'working_fire'], p[afa.to_numpy()]):.3f}")
print(model.get_feature_importance(prettified=True).head(10))
