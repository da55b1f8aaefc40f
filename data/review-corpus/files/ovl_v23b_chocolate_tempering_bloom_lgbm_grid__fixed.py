# label: leakage/none
"""Predict fat bloom within four weeks for tempered chocolate batches with LightGBM."""
import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import GridSearchCV, StratifiedKFold, train_test_split

batches = pd.read_csv("tempering_batches.csv", parse_dates=["tempered_at"])
beans = pd.read_csv("couverture_lots.csv")
batches = batches.merge(beans, on="lot_code", how="left", validate="many_to_one")

batches = batches.dropna(subset=["bloom_4w"])
batches["bloom_4w"] = batches["bloom_4w"].astype(int)
batches["seed_ratio"] = batches["seed_kg"] / batches["melt_kg"]
batches["cool_drop_c"] = batches["melt_temp_c"] - batches["working_temp_c"]
batches["cool_rate"] = batches["cool_drop_c"] / batches["cool_minutes"].clip(lower=0.5)
batches["temper_margin"] = batches["working_temp_c"] - batches["form_v_temp_c"]
batches["humid_shift"] = batches["room_rh"].gt(55).astype(int)
for col in ["origin", "machine", "mould_type"]:
    batches[col] = batches[col].astype("category")

features = ["cocoa_butter_pct", "milk_fat_pct", "lecithin_pct", "seed_ratio", "cool_drop_c",
            "cool_rate", "temper_margin", "temper_meter_slope", "room_temp_c", "room_rh",
            "humid_shift", "fridge_minutes", "origin", "machine", "mould_type"]
X = batches[features]
y = batches["bloom_4w"]

X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, stratify=y,
                                                    random_state=4)

param_grid = {
    "num_leaves": [7, 15, 31],
    "min_child_samples": [10, 30],
    "learning_rate": [0.03, 0.08],
    "colsample_bytree": [0.7, 1.0],
}
base = lgb.LGBMClassifier(n_estimators=300, subsample=0.8, subsample_freq=1,
                          random_state=0, verbose=-1)
search = GridSearchCV(base, param_grid, scoring="roc_auc",
                      cv=StratifiedKFold(5, shuffle=True, random_state=0), n_jobs=-1)
search.fit(X_train, y_train)
print("cv auc:", round(search.best_score_, 4), search.best_params_)

# final model is fit on the training batches only
final_model = lgb.LGBMClassifier(n_estimators=300, subsample=0.8, subsample_freq=1,
                                 random_state=0, verbose=-1, **search.best_params_)
final_model.fit(X_train, y_train)

prob = final_model.predict_proba(X_test)[:, 1]
print(f"test ROC AUC: {roc_auc_score(y_test, prob):.4f}")
print(f"test PR AUC: {average_precision_score(y_test, prob):.4f}")

top = pd.Series(final_model.feature_importances_, index=features).sort_values(ascending=False)
print(top.head(8))
high_risk = X_test.assign(p_bloom=prob).sort_values("p_bloom", ascending=False)
print(high_risk.head(10)[["machine", "temper_margin", "cool_rate", "p_bloom"]])
print("flagged share at 0.5:", np.mean(prob > 0.5).round(3))
