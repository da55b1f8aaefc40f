# label: leakage/target
"""Predict whether a rented property's annual gas-safety check will fail, to prioritise engineer visits."""
import pandas as pd
from catboost import CatBoostClassifier
from sklearn.metrics import f1_score, roc_auc_score

checks = pd.read_csv("gas_safety_checks.csv", parse_dates=["check_date"])
appliances = pd.read_csv("boiler_register.csv", parse_dates=["installed"])
notices = pd.read_csv("remedial_notices.csv", parse_dates=["notice_date"])

df = checks.merge(appliances, on="property_id", how="left")
df["boiler_age_years"] = (df["check_date"] - df["installed"]).dt.days / 365.25
df["flue_type"] = df["flue_type"].fillna("unknown")
df["days_since_service"] = (df["check_date"] - pd.to_datetime(df["last_service"])).dt.days
df["days_since_service"] = df["days_since_service"].fillna(9999).clip(upper=3000)
df = df[df["boiler_age_years"] >= 0]

# remedial-notice history per property
per_property = (notices.groupby("property_id")
                .agg(n_notices=("notice_id", "count"),
                     n_immediately_dangerous=("category", lambda c: (c == "ID").sum()),
                     last_notice=("notice_date", "max"))
                .reset_index())
df = df.merge(per_property, on="property_id", how="left")
df[["n_notices", "n_immediately_dangerous"]] = df[["n_notices", "n_immediately_dangerous"]].fillna(0)
df["days_since_notice"] = (df["check_date"] - df["last_notice"]).dt.days.fillna(-1)

FEATURES = ["boiler_age_years", "days_since_service", "boiler_make", "fuel", "flue_type",
            "property_type", "landlord_portfolio_size", "tenancy_months", "n_notices",
            "n_immediately_dangerous", "days_since_notice", "postcode_area"]
CATS = ["boiler_make", "fuel", "flue_type", "property_type", "postcode_area"]
df[CATS] = df[CATS].fillna("missing").astype(str)

df = df.sort_values("check_date")
cutoff = df["check_date"].quantile(0.8)
train = df[df["check_date"] <= cutoff]
test = df[df["check_date"] > cutoff]

model = CatBoostClassifier(iterations=800, learning_rate=0.05, depth=6, l2_leaf_reg=5,
                           auto_class_weights="Balanced", verbose=0, random_seed=21)
model.fit(train[FEATURES], train["failed"], cat_features=CATS)

proba = model.predict_proba(test[FEATURES])[:, 1]
print(f"checks: train={len(train)}  test={len(test)}  fail rate={test['failed'].mean():.3f}")
print(f"ROC AUC = {roc_auc_score(test['failed'], proba):.4f}")
print(f"F1@0.5  = {f1_score(test['failed'], proba > 0.5):.4f}")
top_k = test.assign(p=proba).nlargest(200, "p")
print(f"fail rate in top-200 flagged: {top_k['failed'].mean():.3f}")
print(model.get_feature_importance(prettified=True).head(8))
