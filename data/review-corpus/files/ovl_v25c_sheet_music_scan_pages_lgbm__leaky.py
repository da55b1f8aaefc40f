# label: leakage/overlap
"""Predict which scanned sheet-music pages will need manual editing after optical music recognition."""
import numpy as np
import pandas as pd
import lightgbm as lgb
from sklearn.metrics import f1_score, roc_auc_score
from sklearn.model_selection import train_test_split

pages = pd.read_parquet("omr_page_metrics.parquet")
scores = pd.read_csv("score_catalogue.csv")

df = pages.merge(scores[["score_id", "publisher", "engraving_year", "instrumentation"]],
                 on="score_id", how="left")
df = df[df["page_type"] != "blank"].copy()

df["staff_density"] = df["n_staves"] / df["page_height_px"] * 1000
df["note_density"] = df["n_noteheads"] / df["n_staves"].clip(lower=1)
df["skew_abs"] = df["skew_deg"].abs()
df["ink_ratio"] = df["dark_px"] / (df["page_height_px"] * df["page_width_px"])
df["decade"] = (df["engraving_year"] // 10 * 10).astype("Int64")
for col in ["publisher", "instrumentation", "scanner_model"]:
    df[col] = df[col].fillna("unknown").astype("category")

features = [
    "staff_density", "note_density", "skew_abs", "ink_ratio", "dpi", "jpeg_quality",
    "bleed_through_score", "stave_line_thickness", "n_ledger_lines", "n_slurs",
    "decade", "publisher", "instrumentation", "scanner_model",
]
target = "needs_editing"  # symbol error rate above the editorial threshold

train_df, test_df = train_test_split(
    df, test_size=0.2, stratify=df[target], random_state=21
)

model = lgb.LGBMClassifier(
    n_estimators=500,
    learning_rate=0.03,
    num_leaves=31,
    min_child_samples=30,
    subsample=0.8,
    subsample_freq=1,
    colsample_bytree=0.8,
    random_state=21,
    verbose=-1,
)
model.fit(train_df[features], train_df[target])

proba = model.predict_proba(test_df[features])[:, 1]
pred = (proba >= 0.5).astype(int)
print(f"pages: train {len(train_df)}, test {len(test_df)}")
print(f"Test ROC AUC: {roc_auc_score(test_df[target], proba):.4f}")
print(f"Test F1:      {f1_score(test_df[target], pred):.4f}")

imp = pd.Series(model.booster_.feature_importance("gain"), index=features)
print(imp.sort_values(ascending=False).head(8).round(1))
