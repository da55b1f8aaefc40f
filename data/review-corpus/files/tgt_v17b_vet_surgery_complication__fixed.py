# label: leakage/none
# twin: tgt_v17b_vet_surgery_complication__leaky.py
# source: hand-written for ai-ci held-out v17 (Apache-2.0)
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.impute import SimpleImputer
from sklearn.metrics import average_precision_score, classification_report, roc_auc_score
from sklearn.model_selection import StratifiedKFold, cross_val_score, train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder

CATEGORICAL = ["species", "breed_group", "procedure", "asa_class", "surgeon_grade", "anaesthetic_protocol"]
NUMERIC = [
    "age_years", "weight_kg", "body_condition_score", "preop_pcv", "preop_total_protein",
    "preop_creatinine", "surgery_minutes", "anaesthesia_minutes",
]

records = pd.read_csv("data/small_animal_surgeries_2019_2024.csv", parse_dates=["surgery_date"])
records = records[records["species"].isin(["canine", "feline"])]
records = records[records["weight_kg"].between(0.5, 90)]
records["breed_group"] = records["breed_group"].fillna("mixed")
records["asa_class"] = records["asa_class"].astype(str)
records["complication_30d"] = records["complication_grade"].fillna(0).ge(2).astype(int)
records = records.drop(columns=["complication_grade", "complication_notes"])
print(records["complication_30d"].value_counts(normalize=True).round(3))

X = records[CATEGORICAL + NUMERIC]
y = records["complication_30d"]
X_train, X_test, y_train, y_test = train_test_split(
    X, y, test_size=0.2, stratify=y, random_state=17
)

prep = ColumnTransformer([
    ("cat", Pipeline([
        ("impute", SimpleImputer(strategy="most_frequent")),
        ("onehot", OneHotEncoder(handle_unknown="infrequent_if_exist", min_frequency=20)),
    ]), CATEGORICAL),
    ("num", SimpleImputer(strategy="median"), NUMERIC),
], sparse_threshold=0.0)

pipe = Pipeline([
    ("prep", prep),
    ("gbm", HistGradientBoostingClassifier(
        learning_rate=0.05, max_iter=300, max_leaf_nodes=15,
        l2_regularization=1.0, class_weight="balanced", random_state=17,
    )),
])

cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=17)
cv_auc = cross_val_score(pipe, X_train, y_train, cv=cv, scoring="roc_auc")
print(f"CV AUC on training data: {cv_auc.mean():.3f} +/- {cv_auc.std():.3f}")

pipe.fit(X_train, y_train)
proba = pipe.predict_proba(X_test)[:, 1]
print(f"test ROC AUC: {roc_auc_score(y_test, proba):.3f}")
print(f"test PR AUC:  {average_precision_score(y_test, proba):.3f}")
print(classification_report(y_test, (proba >= 0.5).astype(int), digits=3))

by_proc = (
    X_test.assign(y=y_test.values, p=proba)
    .groupby("procedure")
    .agg(n=("y", "size"), observed=("y", "mean"), predicted=("p", "mean"))
    .query("n >= 15")
    .sort_values("observed", ascending=False)
)
print(by_proc.round(3))
