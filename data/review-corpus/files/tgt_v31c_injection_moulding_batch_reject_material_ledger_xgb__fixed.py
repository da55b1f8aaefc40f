# label: leakage/none
import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.metrics import average_precision_score, classification_report, roc_auc_score

REJECT_LIMIT = 0.02  # customer PPAP limit on the sampled reject fraction
LEDGER_COLS = ["batch_id", "virgin_resin_kg", "masterbatch_kg", "regrind_in_kg"]


def load_batches():
    batches = pd.read_csv("mes/batches.csv", parse_dates=["start_time"])
    settings = pd.read_csv("mes/process_settings.csv")
    qc = pd.read_csv("qms/batch_inspection.csv")
    # material issued to and returned from each batch, as booked by the stores team
    ledger = pd.read_csv("mes/material_ledger.csv", usecols=LEDGER_COLS)

    df = (batches.merge(settings, on="batch_id", how="left")
                 .merge(ledger, on="batch_id", how="left")
                 .merge(qc[["batch_id", "sampled_parts", "rejected_parts"]], on="batch_id", how="inner"))
    df = df[df["sampled_parts"] >= 50]
    df["rejected"] = (df["rejected_parts"] / df["sampled_parts"] > REJECT_LIMIT).astype(int)
    return df


def add_features(df):
    df = df.copy()
    df["hour"] = df["start_time"].dt.hour
    df["night_shift"] = df["hour"].isin([22, 23, 0, 1, 2, 3, 4, 5]).astype(int)
    df["mould_age_k_shots"] = df["mould_shot_count"] / 1000
    df["melt_minus_spec"] = df["melt_temp_c"] - df["resin_melt_spec_c"]
    df["dryer_dewpoint_ok"] = (df["dryer_dewpoint_c"] <= -40).astype(int)
    for col in ("press_id", "mould_id", "resin_grade"):
        df[col] = df[col].astype("category")
    return df


df = add_features(load_batches()).sort_values("start_time")
drop = ["batch_id", "start_time", "sampled_parts", "rejected_parts", "rejected", "operator_note"]
features = [c for c in df.columns if c not in drop]
print(len(features), "features")

cut = df["start_time"].quantile(0.8)
train, test = df[df["start_time"] < cut], df[df["start_time"] >= cut]

clf = xgb.XGBClassifier(
    n_estimators=500,
    learning_rate=0.04,
    max_depth=5,
    min_child_weight=3,
    subsample=0.85,
    colsample_bytree=0.8,
    enable_categorical=True,
    tree_method="hist",
    scale_pos_weight=(train["rejected"] == 0).sum() / max((train["rejected"] == 1).sum(), 1),
    eval_metric="aucpr",
)
clf.fit(train[features], train["rejected"])

proba = clf.predict_proba(test[features])[:, 1]
print(f"batches: train {len(train)}, test {len(test)}, reject rate test {test['rejected'].mean():.3f}")
print(f"ROC AUC {roc_auc_score(test['rejected'], proba):.3f}   PR AUC {average_precision_score(test['rejected'], proba):.3f}")
print(classification_report(test["rejected"], (proba >= 0.5).astype(int), digits=3))

gain = pd.Series(clf.get_booster().get_score(importance_type="gain"))
print(gain.sort_values(ascending=False).head(10).round(1))
np.save("artifacts/reject_model_features.npy", np.array(features))
clf.save_model("artifacts/reject_model.json")
