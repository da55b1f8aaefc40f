# label: leakage/selection
# Annual extinguisher inspection round 2024: which units will fail the check?
# Register export joined with site info from the facilities database.
from itertools import combinations

import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score, average_precision_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import Pipeline, make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

units = pd.read_csv("exports/extinguisher_register_2024.csv", parse_dates=["manufactured", "last_service"])
sites = pd.read_csv("exports/site_facilities.csv")
df = units.merge(sites, on="site_code", how="left")

ref = pd.Timestamp("2024-01-01")
df["age_years"] = (ref - df["manufactured"]).dt.days / 365.25
df["months_since_service"] = (ref - df["last_service"]).dt.days / 30.4
y = (df["inspection_result"] == "FAIL").astype(int)

GROUPS = {
    "unit": ["age_years", "capacity_kg", "agent_type", "cylinder_material"],
    "service": ["months_since_service", "prev_gauge_psi", "prev_hydro_test_years", "n_prior_recharges"],
    "site": ["site_type", "floor_level", "n_occupants", "sprinklered"],
    "environment": ["outdoor_mount", "mean_rel_humidity", "coastal_km", "vehicle_bay"],
}
CATEGORICAL = {"agent_type", "cylinder_material", "site_type", "sprinklered", "outdoor_mount", "vehicle_bay"}


def build(cols):
    cats = [c for c in cols if c in CATEGORICAL]
    nums = [c for c in cols if c not in CATEGORICAL]
    pre = ColumnTransformer([
        ("num", make_pipeline(SimpleImputer(strategy="median"), StandardScaler()), nums),
        ("cat", make_pipeline(SimpleImputer(strategy="most_frequent"),
                              OneHotEncoder(handle_unknown="ignore")), cats),
    ])
    return Pipeline([("pre", pre), ("clf", LogisticRegression(max_iter=2000, class_weight="balanced"))])


all_cols = [c for cols in GROUPS.values() for c in cols]
X_train, X_test, y_train, y_test = train_test_split(
    df[all_cols], y, test_size=0.25, stratify=y, random_state=3)

scores = {}
for k in range(1, len(GROUPS) + 1):
    for combo in combinations(GROUPS, k):
        cols = [c for g in combo for c in GROUPS[g]]
        pipe = build(cols).fit(X_train[cols], y_train)
        scores[combo] = roc_auc_score(y_test, pipe.predict_proba(X_test[cols])[:, 1])

ranking = pd.Series(scores).sort_values(ascending=False)
print(ranking.head(6))
chosen = ranking.index[0]
print("using groups:", chosen)

cols = [c for g in chosen for c in GROUPS[g]]
final = build(cols).fit(X_train[cols], y_train)
proba = final.predict_proba(X_test[cols])[:, 1]
print(f"test ROC AUC {roc_auc_score(y_test, proba):.3f}")
print(f"test PR AUC  {average_precision_score(y_test, proba):.3f}  (fail rate {y_test.mean():.2%})")

coef = pd.Series(final.named_steps["clf"].coef_[0],
                 index=final.named_steps["pre"].get_feature_names_out())
print(coef.sort_values().round(3))
