# label: leakage/target
"""Score newly lodged parking penalty appeals by the chance they will be upheld, to route them to fast-track review."""
import numpy as np
import pandas as pd
from sklearn.metrics import brier_score_loss, roc_auc_score
from xgboost import XGBClassifier

appeals = pd.read_csv("pcn_appeals.csv", parse_dates=["lodged_at", "issued_at", "closed_at"])
notices = pd.read_csv("penalty_notices.csv")
zones = pd.read_csv("cpz_zones.csv")

df = appeals.merge(notices[["pcn_id", "contravention_code", "zone_id", "officer_id", "fine_gbp",
                            "photos_taken", "handheld_notes_chars", "vehicle_make"]], on="pcn_id", how="left")
df = df.merge(zones[["zone_id", "zone_type", "signage_audit_score"]], on="zone_id", how="left")
df = df[df["decision"].isin(["upheld", "rejected"])].sort_values("lodged_at").reset_index(drop=True)
df["upheld"] = (df["decision"] == "upheld").astype(int)

df["days_issue_to_appeal"] = (df["lodged_at"] - df["issued_at"]).dt.days
df["issued_hour"] = df["issued_at"].dt.hour
df["issued_weekend"] = (df["issued_at"].dt.dayofweek >= 5).astype(int)
df["days_to_close"] = (df["closed_at"] - df["lodged_at"]).dt.days
df["statement_words"] = df["appeal_statement"].fillna("").str.split().str.len()
df["has_blue_badge"] = df["appeal_grounds"].str.contains("badge", case=False, na=False).astype(int)
df["prior_appeals_vrm"] = df.groupby("vrm_hash").cumcount()
df["discount_window"] = (df["days_issue_to_appeal"] <= 14).astype(int)

cat_cols = ["contravention_code", "zone_type", "appeal_grounds", "channel", "vehicle_make", "officer_id"]
df[cat_cols] = df[cat_cols].fillna("unknown").astype(str)

features = cat_cols + [
    "fine_gbp", "photos_taken", "handheld_notes_chars", "signage_audit_score", "days_issue_to_appeal",
    "issued_hour", "issued_weekend", "days_to_close", "statement_words", "has_blue_badge",
    "prior_appeals_vrm", "discount_window"]

split_at = df["lodged_at"].quantile(0.8)
train = df[df["lodged_at"] < split_at].copy()
test = df[df["lodged_at"] >= split_at].copy()
for col in cat_cols:
    levels = pd.CategoricalDtype(sorted(train[col].unique()))
    train[col] = train[col].astype(levels)
    test[col] = test[col].astype(levels)
print(f"train appeals: {len(train)}  test appeals: {len(test)}  upheld rate: {train['upheld'].mean():.2%}")

model = XGBClassifier(n_estimators=500, learning_rate=0.05, max_depth=5, subsample=0.85,
                      colsample_bytree=0.8, enable_categorical=True, tree_method="hist",
                      max_cat_to_onehot=8, eval_metric="logloss")
model.fit(train[features], train["upheld"])

proba = model.predict_proba(test[features])[:, 1]
print(f"ROC AUC: {roc_auc_score(test['upheld'], proba):.3f}")
print(f"Brier:   {brier_score_loss(test['upheld'], proba):.4f}")

fast = proba >= 0.7
print(f"fast-track share: {fast.mean():.1%}, upheld among fast-tracked: {test['upheld'][fast].mean():.1%}")

gain = pd.Series(model.get_booster().get_score(importance_type="gain")).sort_values(ascending=False)
print(gain.head(10).round(2))

by_code = (test.assign(p=proba).groupby("contravention_code", observed=True)
           .agg(n=("upheld", "size"), actual=("upheld", "mean"), predicted=("p", "mean")))
print(by_code[by_code["n"] >= 30].round(3))
print(f"\nmean predicted {np.mean(proba):.3f} vs observed {test['upheld'].mean():.3f}")
