# label: leakage/overlap
# Pulmonary exacerbation within 90 days of a routine CF clinic visit.
# Source: adult CF centre visit extract (2016-2023), one row per clinic visit.
import pandas as pd
from catboost import CatBoostClassifier, Pool
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import train_test_split

visits = pd.read_csv("cf_clinic_visits.csv", parse_dates=["visit_date", "dob"])
visits = visits.sort_values(["patient_id", "visit_date"])
visits = visits[visits["fev1_pct_pred"].notna()]

visits["age"] = (visits["visit_date"] - visits["dob"]).dt.days / 365.25
visits["fev1_change_prev"] = visits.groupby("patient_id")["fev1_pct_pred"].diff()
visits["days_since_prev_visit"] = visits.groupby("patient_id")["visit_date"].diff().dt.days
visits["bmi"] = visits["weight_kg"] / (visits["height_cm"] / 100) ** 2

cat_features = ["genotype_class", "pseudomonas_status", "modulator_therapy",
                "sex", "cfrd"]
num_features = ["age", "bmi", "fev1_pct_pred", "fvc_pct_pred", "fev1_change_prev",
                "days_since_prev_visit", "iv_courses_prev_12m", "sputum_volume_ml",
                "crp_mg_l", "cough_score", "sweat_chloride"]
features = cat_features + num_features

for c in cat_features:
    visits[c] = visits[c].fillna("unknown").astype(str)

X = visits[features]
y = visits["exacerbation_90d"].astype(int)

X_train, X_test, y_train, y_test = train_test_split(
    X, y, test_size=0.25, stratify=y, random_state=21)

train_pool = Pool(X_train, y_train, cat_features=cat_features)
test_pool = Pool(X_test, y_test, cat_features=cat_features)

model = CatBoostClassifier(
    iterations=900,
    depth=6,
    learning_rate=0.04,
    l2_leaf_reg=5,
    loss_function="Logloss",
    auto_class_weights="Balanced",
    random_seed=21,
    verbose=150,
)
model.fit(train_pool)

proba = model.predict_proba(test_pool)[:, 1]
print(f"visits: train={len(X_train)}, test={len(X_test)}")
print(f"ROC AUC: {roc_auc_score(y_test, proba):.3f}")
print(f"PR AUC:  {average_precision_score(y_test, proba):.3f}")

# alert rate if clinic flags the top 15% of visits for early review
flag = proba >= pd.Series(proba).quantile(0.85)
print(f"exacerbations caught in top 15%: {y_test[flag].sum()} / {y_test.sum()}")

importance = pd.Series(model.get_feature_importance(train_pool), index=features)
print(importance.sort_values(ascending=False).head(10).round(2))
