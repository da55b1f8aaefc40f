# label: leakage/none
# Internal mixer batches (Banbury line 2): predict which batches will be rejected for
# scorch at the extruder, from what the mixer logs at dump time.
import pandas as pd
import xgboost as xgb
from sklearn.metrics import average_precision_score, confusion_matrix, roc_auc_score

batches = pd.read_csv("mixing_room/line2_batches_2023_2024.csv", parse_dates=["dumped_at"])
recipes = pd.read_csv("mixing_room/recipes.csv")

df = batches.merge(recipes, on="recipe_code", how="left")
df = df.sort_values("dumped_at").reset_index(drop=True)

df["dump_hour"] = df["dumped_at"].dt.hour
df["energy_per_kg"] = df["mix_energy_kwh"] / df["batch_weight_kg"]
df["cure_system_phr"] = df["sulfur_phr"] + df["accelerator_phr"]
df["temp_over_setpoint"] = df["dump_temp_c"] - df["dump_temp_setpoint_c"]
for col in ["recipe_code", "carbon_black_grade", "polymer_lot_supplier", "shift"]:
    df[col] = df[col].astype("category")

FEATURES = [
    "recipe_code", "carbon_black_grade", "polymer_lot_supplier", "shift",
    "dump_temp_c", "temp_over_setpoint", "mix_time_s", "ram_pressure_bar",
    "rotor_speed_rpm", "energy_per_kg", "batch_weight_kg", "sulfur_phr",
    "accelerator_phr", "retarder_phr", "cure_system_phr", "filler_phr",
    "oil_phr", "ambient_temp_c", "ambient_rh_pct", "planned_hours_to_extrusion", "dump_hour",
]
TARGET = "scorch_reject"

# last 20 % of batches by dump time are kept for reporting
cut = int(len(df) * 0.8)
train, test = df.iloc[:cut], df.iloc[cut:]
X_train, y_train = train[FEATURES], train[TARGET]
X_test, y_test = test[FEATURES], test[TARGET]
print(f"train {len(train)} batches ({y_train.mean():.2%} rejects), test {len(test)} ({y_test.mean():.2%})")

params = {
    "objective": "binary:logistic",
    "eval_metric": "aucpr",
    "eta": 0.03,
    "max_depth": 5,
    "min_child_weight": 4,
    "subsample": 0.8,
    "colsample_bytree": 0.7,
    "lambda": 2.0,
    "scale_pos_weight": float((y_train == 0).sum() / max((y_train == 1).sum(), 1)),
    "tree_method": "hist",
    "seed": 42,
}

# the most recent 15 % of the training batches drive early stopping
val_cut = int(len(X_train) * 0.85)
dtrain = xgb.DMatrix(X_train.iloc[:val_cut], label=y_train.iloc[:val_cut], enable_categorical=True)
dvalid = xgb.DMatrix(X_train.iloc[val_cut:], label=y_train.iloc[val_cut:], enable_categorical=True)
dtest = xgb.DMatrix(X_test, label=y_test, enable_categorical=True)

booster = xgb.train(
    params,
    dtrain,
    num_boost_round=4000,
    evals=[(dtrain, "train"), (dvalid, "valid")],
    early_stopping_rounds=150,
    verbose_eval=250,
)
print(f"best iteration: {booster.best_iteration}")

proba = booster.predict(dtest, iteration_range=(0, booster.best_iteration + 1))
print(f"ROC AUC: {roc_auc_score(y_test, proba):.4f}")
print(f"PR AUC:  {average_precision_score(y_test, proba):.4f}")

flagged = (proba >= 0.5).astype(int)
print(confusion_matrix(y_test, flagged))
print(f"batches flagged for hold: {flagged.mean():.2%}")

gain = booster.get_score(importance_type="gain")
top = sorted(gain.items(), key=lambda kv: kv[1], reverse=True)[:10]
for name, value in top:
    print(f"  {name:<22s} {value:8.1f}")
