# label: leakage/target
# Immediate-release tablets: predict batches that will fail the Q=80% @ 30 min
# dissolution spec, from manufacturing batch records, so QC can prioritise testing.
import pandas as pd
import xgboost as xgb
from sklearn.model_selection import train_test_split
from sklearn.metrics import roc_auc_score, confusion_matrix, recall_score

mbr = pd.read_parquet("mes/batch_records.parquet")          # in-process data per batch
lims = pd.read_parquet("lims/batch_release_summary.parquet") # QC lab summary per batch
api = pd.read_csv("supply/api_lot_coa.csv")                  # API certificate of analysis

df = (mbr.merge(lims, on="batch_no", how="inner")
         .merge(api, on="api_lot", how="left"))
df = df[df["dissolution_tested"]].reset_index(drop=True)
y = (df["dissolution_result"] == "FAIL").astype(int)

# granulation / drying / compression summaries
df["granulation_endpoint_kw"] = df["impeller_power_end_kw"] - df["impeller_power_start_kw"]
df["lod_drop"] = df["lod_wet_pct"] - df["lod_dry_pct"]
df["hardness_cv"] = df["hardness_sd_kp"] / df["hardness_mean_kp"]
df["force_per_speed"] = df["main_comp_force_kn"] / df["press_speed_tph"].clip(lower=1)
df["coat_gain_dev"] = df["coating_weight_gain_pct"] - df["coating_target_pct"]
df["hold_hours"] = (df["compression_start"] - df["granulation_end"]).dt.total_seconds() / 3600
df["qc_cycle_days"] = (df["release_date"] - df["qc_received_date"]).dt.days

CATEGORICAL = ["product_code", "granulator_id", "press_id", "coater_id", "api_supplier", "shift"]
NUMERIC = ["granulation_endpoint_kw", "granulation_time_min", "binder_addition_rate",
           "lod_drop", "lod_dry_pct", "d50_granule_um", "bulk_density_gml",
           "hardness_mean_kp", "hardness_cv", "friability_pct", "main_comp_force_kn",
           "force_per_speed", "coat_gain_dev", "hold_hours", "lubricant_blend_min",
           "api_d90_um", "api_water_pct", "api_assay_pct", "qc_cycle_days", "lab_retest_count"]
X = df[NUMERIC + CATEGORICAL].copy()
X[CATEGORICAL] = X[CATEGORICAL].astype("category")

print(X.shape, "fail rate", round(y.mean(), 3))

X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, stratify=y, random_state=31)

clf = xgb.XGBClassifier(
    n_estimators=400, max_depth=4, learning_rate=0.04, subsample=0.85,
    colsample_bytree=0.8, min_child_weight=3,
    scale_pos_weight=(y_train == 0).sum() / (y_train == 1).sum(),
    enable_categorical=True, tree_method="hist", eval_metric="aucpr", random_state=31,
)
clf.fit(X_train, y_train)

p = clf.predict_proba(X_test)[:, 1]
print("ROC AUC:", round(roc_auc_score(y_test, p), 3))
for thr in (0.2, 0.35, 0.5):
    pred = (p >= thr).astype(int)
    print(f"thr {thr}: recall {recall_score(y_test, pred):.2f}  flagged {pred.mean():.1%}")
    print(confusion_matrix(y_test, pred))

gain = pd.Series(clf.get_booster().get_score(importance_type="gain")).sort_values(ascending=False)
print(gain.head(12).round(2))
