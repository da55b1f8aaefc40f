# label: leakage/none
"""Predict whether a retrieved kidney stone is calcium oxalate from CT and 24-hour urine results."""
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.impute import SimpleImputer
from sklearn.metrics import balanced_accuracy_score, roc_auc_score
from sklearn.model_selection import GroupShuffleSplit
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder

stones = pd.read_csv("stone_lab_analyses.csv", parse_dates=["retrieved_on"])  # one row per stone
patients = pd.read_csv("urology_patients.csv")
urine = pd.read_csv("urine_24h_panels.csv", parse_dates=["collected_on"])

# most recent urine panel taken before the stone was retrieved
df = pd.merge_asof(
    stones.sort_values("retrieved_on"), urine.sort_values("collected_on"),
    left_on="retrieved_on", right_on="collected_on", by="patient_id", direction="backward",
)
df = df.merge(patients, on="patient_id", how="left").reset_index(drop=True)
df = df[df["composition"].notna() & (df["stone_diameter_mm"] > 0)]

df["is_caox"] = df["composition"].str.startswith("calcium_oxalate").astype(int)
df["hu_per_mm"] = df["hu_mean"] / df["stone_diameter_mm"]
df["supersat_ratio"] = (df["urine_calcium_mg"] * df["urine_oxalate_mg"]) / (df["urine_volume_l"] ** 2)
df["citrate_to_calcium"] = df["urine_citrate_mg"] / df["urine_calcium_mg"].clip(lower=1)

NUM = [
    "hu_mean", "hu_std", "stone_diameter_mm", "hu_per_mm", "urine_ph", "urine_calcium_mg",
    "urine_oxalate_mg", "urine_citrate_mg", "urine_uric_acid_mg", "urine_volume_l",
    "supersat_ratio", "citrate_to_calcium", "bmi", "age",
]
CAT = ["sex", "stone_location", "laterality", "diabetes", "gout_history"]

X = df[NUM + CAT]
y = df["is_caox"]
splitter = GroupShuffleSplit(n_splits=1, test_size=0.25, random_state=3)
train_idx, test_idx = next(splitter.split(X, y, groups=df["patient_id"]))
X_train, X_test = X.iloc[train_idx], X.iloc[test_idx]
y_train, y_test = y.iloc[train_idx], y.iloc[test_idx]

prep = ColumnTransformer([
    ("num", SimpleImputer(strategy="median"), NUM),
    ("cat", Pipeline([
        ("imp", SimpleImputer(strategy="most_frequent")),
        ("ohe", OneHotEncoder(handle_unknown="ignore")),
    ]), CAT),
], sparse_threshold=0.0)

clf = Pipeline([
    ("prep", prep),
    ("hgb", HistGradientBoostingClassifier(max_depth=4, learning_rate=0.05, max_iter=300,
                                           l2_regularization=1.0, random_state=3)),
])
clf.fit(X_train, y_train)

proba = clf.predict_proba(X_test)[:, 1]
print(f"stones: {len(df)}  patients: {df['patient_id'].nunique()}")
print(f"Test ROC AUC:           {roc_auc_score(y_test, proba):.4f}")
print(f"Test balanced accuracy: {balanced_accuracy_score(y_test, proba >= 0.5):.4f}")
