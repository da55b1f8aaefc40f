# label: leakage/overlap
# Pressure ulcer risk from the weekly Waterlow/Braden-style assessments.
# The group wants a model it can hand to homes joining the scheme next year,
# i.e. for residents it has never seen. One row = one weekly assessment,
# outcome = new grade 2+ ulcer recorded within the following 28 days.
import numpy as np
import pandas as pd
from sklearn.compose import make_column_transformer
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold, cross_validate
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

assess = pd.read_csv("extracts/weekly_skin_assessments.csv", parse_dates=["assessed_on"])
residents = pd.read_csv("extracts/residents.csv", parse_dates=["admitted_on", "date_of_birth"])

df = assess.merge(residents, on="resident_id", how="inner", validate="many_to_one")
df["age"] = (df["assessed_on"] - df["date_of_birth"]).dt.days / 365.25
df["weeks_since_admission"] = (df["assessed_on"] - df["admitted_on"]).dt.days // 7
df = df[df["age"] >= 65]

numeric = [
    "age", "weeks_since_admission", "bmi", "braden_sensory", "braden_moisture",
    "braden_activity", "braden_mobility", "braden_nutrition", "braden_friction",
    "albumin_g_l", "hb_g_l", "fluid_intake_ml", "repositioning_per_day",
]
categorical = ["continence", "mattress_type", "mobility_aid", "diabetes", "dementia_dx", "sex"]
y = df["new_ulcer_28d"].astype(int)
X = df[numeric + categorical]

print(df["resident_id"].nunique(), "residents,", len(df), "assessments, prevalence", round(y.mean(), 3))

prep = make_column_transformer(
    (make_pipeline(SimpleImputer(strategy="median"), StandardScaler()), numeric),
    (make_pipeline(SimpleImputer(strategy="most_frequent"), OneHotEncoder(handle_unknown="ignore")), categorical),
)
model = make_pipeline(prep, LogisticRegression(C=0.5, class_weight="balanced", max_iter=2000))

cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=2024)
scores = cross_validate(
    model, X, y, cv=cv,
    scoring={"auc": "roc_auc", "ap": "average_precision", "brier": "neg_brier_score"},
)
for name in ["auc", "ap", "brier"]:
    vals = scores[f"test_{name}"]
    if name == "brier":
        vals = -vals
    print(f"{name:>5}: {vals.mean():.3f} +/- {vals.std():.3f}")

# refit on everything for the coefficient table that goes in the clinical note
model.fit(X, y)
names = model.named_steps["columntransformer"].get_feature_names_out()
coefs = pd.Series(model.named_steps["logisticregression"].coef_.ravel(), index=names)
odds = np.exp(coefs).sort_values(ascending=False)
print(odds.head(15).round(2))
odds.to_csv("reports/pressure_ulcer_odds_ratios.csv", header=["odds_ratio"])
