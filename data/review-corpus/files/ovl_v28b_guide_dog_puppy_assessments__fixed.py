# label: leakage/none
"""Guide dog programme: score each incoming litter's puppies on their early temperament
assessments (8, 12, 16, 20 and 26 weeks) for the chance they qualify as working guides."""
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import GroupShuffleSplit
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OrdinalEncoder

assess = pd.read_csv("data/puppy_assessments.csv")
pups = pd.read_csv("data/puppy_register.csv")      # one row per puppy: litter, breed, outcome
raisers = pd.read_csv("data/raiser_households.csv")

df = (assess.merge(pups, on="puppy_id", how="inner")
            .merge(raisers, on="raiser_id", how="left"))
df = df[df["outcome"].isin(["qualified", "withdrawn"])]      # still-in-training dogs are excluded
df["qualified"] = (df["outcome"] == "qualified").astype(int)

score_cols = [
    "startle_recovery", "body_sensitivity", "distraction_dogs", "distraction_food",
    "novel_surface", "stairs", "traffic_noise", "handler_focus", "settle_score",
]
num_cols = score_cols + ["age_weeks", "weight_kg", "litter_size", "raiser_prior_pups",
                         "household_children", "walks_per_day"]
cat_cols = ["breed", "sex", "assessor_site", "raiser_setting"]

X = df[num_cols + cat_cols]
y = df["qualified"]

gss = GroupShuffleSplit(n_splits=1, test_size=0.25, random_state=3)
train_idx, test_idx = next(gss.split(X, y, groups=df["litter_id"]))
X_train, X_test = X.iloc[train_idx], X.iloc[test_idx]
y_train, y_test = y.iloc[train_idx], y.iloc[test_idx]

prep = ColumnTransformer(
    [("cat", OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=-1), cat_cols)],
    remainder="passthrough",
)
clf = Pipeline([
    ("prep", prep),
    ("gbm", HistGradientBoostingClassifier(
        max_iter=300, learning_rate=0.05, max_leaf_nodes=15,
        categorical_features=list(range(len(cat_cols))), random_state=3,
    )),
])
clf.fit(X_train, y_train)

proba = clf.predict_proba(X_test)[:, 1]
print(f"assessments: train={len(X_train)} test={len(X_test)}")
print(f"ROC AUC {roc_auc_score(y_test, proba):.3f}   AP {average_precision_score(y_test, proba):.3f}")

# how early can we tell? score by assessment age
report = pd.DataFrame({"age_weeks": X_test["age_weeks"], "y": y_test, "p": proba})
by_age = report.groupby("age_weeks").apply(lambda g: roc_auc_score(g["y"], g["p"]))
print(by_age.round(3).to_string())
