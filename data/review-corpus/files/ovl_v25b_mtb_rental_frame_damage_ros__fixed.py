# label: leakage/none
"""Flag mountain-bike rentals likely to come back with frame or fork damage, from booking and trail data."""
import pandas as pd
from imblearn.over_sampling import RandomOverSampler
from imblearn.pipeline import Pipeline
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import ExtraTreesClassifier
from sklearn.impute import SimpleImputer
from sklearn.metrics import classification_report, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler


def load_rentals(path, fleet_path):
    rentals = pd.read_csv(path, parse_dates=["pickup_time"])
    fleet = pd.read_csv(fleet_path, parse_dates=["purchase_date"])
    df = rentals.merge(fleet, on="bike_id", how="left")
    df["bike_age_days"] = (df["pickup_time"] - df["purchase_date"]).dt.days
    df["rental_hours"] = df["booked_hours"].clip(upper=72)
    df["weekend"] = (df["pickup_time"].dt.dayofweek >= 5).astype(int)
    df["size_gap"] = df["frame_size_cm"] - df["recommended_size_cm"]
    return df


df = load_rentals("mtb_rentals.csv", "fleet_register.csv")
df = df[df["bike_age_days"] >= 0]

num_cols = ["bike_age_days", "rental_hours", "rider_weight_kg", "size_gap",
            "suspension_travel_mm", "prior_rentals_customer", "km_since_service"]
cat_cols = ["bike_model", "planned_trail_grade", "rider_experience", "weekend"]
X = df[num_cols + cat_cols]
y = df["damage_reported"].astype(int)
print(f"damage rate: {y.mean():.2%} of {len(y)} rentals")

X_train, X_test, y_train, y_test = train_test_split(
    X, y, test_size=0.25, stratify=y, random_state=4)

prep = ColumnTransformer([
    ("num", make_pipeline(SimpleImputer(strategy="median"), StandardScaler()), num_cols),
    ("cat", OneHotEncoder(handle_unknown="ignore"), cat_cols),
])
model = Pipeline([
    ("prep", prep),
    ("ros", RandomOverSampler(sampling_strategy=0.5, random_state=4)),
    ("trees", ExtraTreesClassifier(n_estimators=400, min_samples_leaf=2, n_jobs=-1, random_state=4)),
])
model.fit(X_train, y_train)

proba = model.predict_proba(X_test)[:, 1]
print(f"ROC AUC: {roc_auc_score(y_test, proba):.3f}")
print(classification_report(y_test, (proba >= 0.5).astype(int), digits=3))
