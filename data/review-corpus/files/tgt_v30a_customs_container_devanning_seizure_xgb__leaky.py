# label: leakage/target
"""Port customs: rank the containers referred for physical examination (after the
x-ray pass) so the devanning team opens the likeliest seizures first.

Rows are referrals from the targeting system; label = anything seized on devanning.
"""
import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.metrics import average_precision_score, roc_auc_score

refs = pd.read_parquet("targeting/exam_referrals_2020_2024.parquet")
decl = pd.read_parquet("targeting/import_declarations.parquet")
terminal = pd.read_csv("terminal/container_moves.csv", parse_dates=["discharged_at", "gate_out_at"])
exams = pd.read_csv("examination/exam_log.csv", parse_dates=["exam_start", "exam_end"])

df = (
    refs.merge(decl, on="declaration_id", how="left")
    .merge(terminal[["container_no", "voyage_id", "discharged_at", "gate_out_at"]],
           on=["container_no", "voyage_id"], how="left")
    .merge(exams[["referral_id", "exam_start", "exam_end", "exam_officers"]], on="referral_id", how="left")
)
df["referred_at"] = pd.to_datetime(df["referred_at"])
df["seized"] = (df["seizure_count"] > 0).astype(int)

# declaration / shipment features; importer history columns are as at referral
df["log_value"] = np.log1p(df["declared_value_usd"])
df["log_weight"] = np.log1p(df["gross_weight_kg"])
df["value_per_kg"] = df["declared_value_usd"] / df["gross_weight_kg"].clip(lower=1)
df["lodged_after_arrival"] = (df["lodged_at"] > df["vessel_eta"]).astype(int)
df["importer_age_days"] = (df["referred_at"] - pd.to_datetime(df["importer_registered"])).dt.days
df["prior_hit_rate"] = df["importer_prior_seizures"] / df["importer_prior_exams"].clip(lower=1)

# yard / examination timings
df["dwell_days"] = (df["gate_out_at"] - df["discharged_at"]).dt.total_seconds() / 86400
df["exam_hours"] = (df["exam_end"] - df["exam_start"]).dt.total_seconds() / 3600

CATS = ["hs_chapter", "origin_country", "port_of_loading", "shipping_line", "referral_rule", "broker_tier"]
FEATURES = [
    "hs_chapter", "origin_country", "port_of_loading", "shipping_line", "referral_rule", "broker_tier",
    "log_value", "log_weight", "value_per_kg", "n_transhipments", "doc_amendments_pre_arrival",
    "lodged_after_arrival", "importer_age_days", "importer_prior_exams", "prior_hit_rate",
    "xray_anomaly_score", "consignee_changes_90d",
    "dwell_days", "exam_hours", "exam_officers",
]

train = df[df["referred_at"] < "2024-01-01"].copy()
test = df[df["referred_at"] >= "2024-01-01"].copy()
for c in CATS:
    levels = sorted(train[c].dropna().unique())
    train[c] = pd.Categorical(train[c], categories=levels)
    test[c] = pd.Categorical(test[c], categories=levels)
print(f"train {len(train):,} referrals ({train['seized'].mean():.1%} seized), "
      f"test {len(test):,} ({test['seized'].mean():.1%})")

model = xgb.XGBClassifier(
    n_estimators=500,
    learning_rate=0.05,
    max_depth=5,
    subsample=0.8,
    colsample_bytree=0.7,
    min_child_weight=3,
    scale_pos_weight=(1 - train["seized"].mean()) / train["seized"].mean(),
    enable_categorical=True,
    tree_method="hist",
    eval_metric="aucpr",
)
model.fit(train[FEATURES], train["seized"])

p = model.predict_proba(test[FEATURES])[:, 1]
print(f"ROC AUC {roc_auc_score(test['seized'], p):.3f}   PR AUC {average_precision_score(test['seized'], p):.3f}")

# the team can devan ~25 boxes a day: how many seizures do the top-ranked boxes hold
test = test.assign(score=p, day=test["referred_at"].dt.date)
top = test.sort_values("score", ascending=False).groupby("day").head(25)
print(f"seizures found opening top 25/day: {top['seized'].sum()} of {test['seized'].sum()}")

gain = pd.Series(model.get_booster().get_score(importance_type="gain")).sort_values(ascending=False)
print(gain.head(12).round(1))
