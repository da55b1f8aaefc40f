# label: leakage/none
"""Predict which hot-spring ryokan reservations will buy a room upgrade at check-in using CatBoost."""
import numpy as np
import pandas as pd
from catboost import CatBoostClassifier, Pool
from sklearn.metrics import log_loss, roc_auc_score

res = pd.read_csv("reservations_2021_2024.csv", parse_dates=["booked_at", "arrival_date"])
guests = pd.read_csv("guest_profiles.csv", usecols=["guest_id", "first_stay", "home_prefecture", "birth_year"],
                     parse_dates=["first_stay"])

res = res[res["status"] == "checked_out"]
res = res.merge(guests, on="guest_id", how="left")

res["lead_days"] = (res["arrival_date"] - res["booked_at"]).dt.days
res["arrival_dow"] = res["arrival_date"].dt.dayofweek.astype(str)
res["arrival_month"] = res["arrival_date"].dt.month.astype(str)
res["repeat_guest"] = (res["first_stay"] < res["arrival_date"]).astype(int)
res["party_size"] = res["adults"] + res["children"]
res["rate_per_person"] = res["room_rate_jpy"] / res["party_size"].clip(lower=1)
res["kaiseki_dinner"] = res["meal_plan"].str.contains("dinner").astype(int)
res["guest_age"] = res["arrival_date"].dt.year - res["birth_year"]

target = "upgraded_at_checkin"
cat_features = ["room_type_booked", "channel", "meal_plan", "arrival_dow", "arrival_month",
                "home_prefecture", "rate_code"]
num_features = ["lead_days", "nights", "adults", "children", "party_size", "room_rate_jpy",
                "rate_per_person", "kaiseki_dinner", "repeat_guest", "guest_age"]
features = cat_features + num_features
res[cat_features] = res[cat_features].fillna("unknown")

train = res[res["arrival_date"] < "2024-01-01"]
test = res[res["arrival_date"] >= "2024-01-01"]

model = CatBoostClassifier(iterations=800, depth=6, learning_rate=0.05, l2_leaf_reg=5,
                           loss_function="Logloss", random_seed=0, verbose=200)
model.fit(Pool(train[features], train[target], cat_features=cat_features))

prob = model.predict_proba(Pool(test[features], cat_features=cat_features))[:, 1]
print(f"2024 ROC AUC: {roc_auc_score(test[target], prob):.4f}")
print(f"2024 log loss: {log_loss(test[target], prob):.4f}")

imp = pd.Series(model.get_feature_importance(), index=features).sort_values(ascending=False)
print(imp.head(12).round(2))
decile = pd.qcut(prob, 10, labels=False, duplicates="drop")
print(pd.DataFrame({"decile": decile, "bought": test[target].to_numpy()}).groupby("decile")["bought"].mean())
print("upgrade offers at top 20%:", int(np.ceil(0.2 * len(test))))
