# label: leakage/target
import numpy as np
import pandas as pd
import matplotlib.pyplot as plt
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import roc_auc_score, average_precision_score, RocCurveDisplay

RESERVE_BAR = 50
TEST_FROM = "2023-11-01"

log = pd.read_csv("dive_centre/dive_log.csv", parse_dates=["dive_date"])
divers = pd.read_csv("dive_centre/divers.csv")
log = log.merge(divers, on="diver_id", how="left")
log = log.dropna(subset=["start_bar", "end_bar", "planned_depth_m", "planned_time_min"])
log = log.sort_values(["dive_date", "boat_slot"]).reset_index(drop=True)

log["low_air"] = (log["end_bar"] < RESERVE_BAR).astype(int)
print(len(log), "dives,", log["diver_id"].nunique(), "divers; low-air share", round(log["low_air"].mean(), 3))


# surface air consumption rate, litres per minute at 1 ata
def add_gas_features(df):
    ata = df["avg_depth_m"] / 10 + 1
    used_l = (df["start_bar"] - df["end_bar"]) * df["tank_l"]
    df["sac_l_min"] = used_l / (df["dive_time_min"] * ata)
    df["gas_budget_l"] = (df["start_bar"] - RESERVE_BAR) * df["tank_l"]
    df["plan_ata_min"] = (df["planned_depth_m"] / 10 + 1) * df["planned_time_min"]
    df["nitrox"] = df["gas"].eq("EAN32").astype(int)
    return df


log = add_gas_features(log)
FEATURES = ["planned_depth_m", "planned_time_min", "plan_ata_min", "gas_budget_l", "tank_l",
            "water_temp_c", "current_rating", "nitrox", "wetsuit_mm", "logged_dives_at_checkin",
            "cert_level", "age", "bmi", "sac_l_min"]

train = log[log["dive_date"] < TEST_FROM]
test = log[log["dive_date"] >= TEST_FROM]
print("train", len(train), "test", len(test))

model = HistGradientBoostingClassifier(
    learning_rate=0.05, max_iter=300, max_leaf_nodes=20, min_samples_leaf=30,
    class_weight="balanced", random_state=2,
)
model.fit(train[FEATURES], train["low_air"])
risk = model.predict_proba(test[FEATURES])[:, 1]
print(f"ROC AUC {roc_auc_score(test['low_air'], risk):.3f}")
print(f"PR AUC  {average_precision_score(test['low_air'], risk):.3f}")

flagged = test.assign(risk=risk).nlargest(int(0.1 * len(test)), "risk")
print("top-10% flagged: low-air share", round(flagged["low_air"].mean(), 3),
      "vs overall", round(test["low_air"].mean(), 3))

RocCurveDisplay.from_predictions(test["low_air"], risk)
plt.title("Low-air risk, hold-out season")
plt.show()
