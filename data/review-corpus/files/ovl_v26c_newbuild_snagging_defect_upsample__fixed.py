# label: leakage/none
"""Predict whether a new-build house gets a major defect claim in its first year after handover."""
import pandas as pd
from catboost import CatBoostClassifier
from sklearn.metrics import average_precision_score, precision_score, recall_score, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.utils import resample

homes = pd.read_csv("handover_homes.csv", parse_dates=["handover_date", "build_start_date"])
sites = pd.read_parquet("development_sites.parquet")
inspections = pd.read_csv("pre_handover_inspections.csv")

snag_counts = (
    inspections.groupby("plot_id")
    .agg(snags_logged=("snag_id", "count"), snags_critical=("severity", lambda s: (s == "critical").sum()))
    .reset_index()
)
df = (
    homes.merge(sites, on="site_id", how="left")
    .merge(snag_counts, on="plot_id", how="left")
)
df[["snags_logged", "snags_critical"]] = df[["snags_logged", "snags_critical"]].fillna(0)
df["build_weeks"] = (df["handover_date"] - df["build_start_date"]).dt.days / 7
df["winter_pour"] = df["build_start_date"].dt.month.isin([11, 12, 1, 2]).astype(int)
df["snags_per_100m2"] = 100 * df["snags_logged"] / df["floor_area_m2"]
df["subcontractor_share"] = df["subcontracted_trades"] / df["total_trades"].clip(lower=1)

CAT = ["developer", "construction_method", "house_type", "region", "site_manager_band"]
NUM = [
    "floor_area_m2", "storeys", "build_weeks", "winter_pour", "snags_logged", "snags_critical",
    "snags_per_100m2", "subcontractor_share", "site_plots_total", "plots_handed_prev_90d",
]
TARGET = "major_defect_1y"
df[CAT] = df[CAT].fillna("unknown")

train, test = train_test_split(df, test_size=0.2, stratify=df[TARGET], random_state=21)

# balance the classes so the model sees enough defect cases
minority = train[train[TARGET] == 1]
majority = train[train[TARGET] == 0]
minority_up = resample(minority, replace=True, n_samples=len(majority) // 2, random_state=21)
train = pd.concat([majority, minority_up]).sample(frac=1.0, random_state=21)

model = CatBoostClassifier(
    iterations=1200, learning_rate=0.04, depth=6, l2_leaf_reg=4,
    eval_metric="AUC", random_seed=21, verbose=200,
)
model.fit(train[CAT + NUM], train[TARGET], cat_features=CAT)

proba = model.predict_proba(test[CAT + NUM])[:, 1]
pred = (proba >= 0.5).astype(int)
print(f"Test ROC AUC:   {roc_auc_score(test[TARGET], proba):.4f}")
print(f"Test PR AUC:    {average_precision_score(test[TARGET], proba):.4f}")
print(f"Test precision: {precision_score(test[TARGET], pred):.4f}")
print(f"Test recall:    {recall_score(test[TARGET], pred):.4f}")
print(model.get_feature_importance(prettified=True).head(10))
