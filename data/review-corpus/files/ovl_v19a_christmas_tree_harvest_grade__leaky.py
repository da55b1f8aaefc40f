# label: leakage/overlap
import pandas as pd
import numpy as np
import matplotlib.pyplot as plt
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import RandomForestClassifier
from sklearn.impute import SimpleImputer
from sklearn.metrics import balanced_accuracy_score, classification_report, confusion_matrix
from sklearn.pipeline import Pipeline, make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

SEED = 2024
SETTINGS = {
    "inspections": "data/harvest_grading_2019_2023.csv",
    "soil": "data/field_soil_tests.csv",
    "train_frac": 0.8,
}

NUMERIC = [
    "age_years", "height_cm", "base_width_cm", "taper_ratio", "needle_retention_score",
    "density_score", "shearing_count", "leader_length_cm", "soil_ph", "soil_k_ppm",
    "aphid_count_spring", "drainage_index",
]
CATEGORICAL = ["species", "seedling_source", "fertiliser_program"]
GRADE_ORDER = ["premium", "standard", "cull"]


def load_inspections():
    trees = pd.read_csv(SETTINGS["inspections"], parse_dates=["graded_on"])
    trees = trees.sort_values("graded_on").drop_duplicates(subset="tree_tag", keep="last")
    soil = pd.read_csv(SETTINGS["soil"])
    trees = trees.merge(soil, on="field_id", how="left")
    trees["taper_ratio"] = trees["base_width_cm"] / trees["height_cm"]
    trees = trees[trees["grade"].isin(GRADE_ORDER)].reset_index(drop=True)
    return trees


def build_pipeline():
    numeric = make_pipeline(SimpleImputer(strategy="median"), StandardScaler())
    categorical = make_pipeline(
        SimpleImputer(strategy="most_frequent"), OneHotEncoder(handle_unknown="ignore")
    )
    prep = ColumnTransformer([("num", numeric, NUMERIC), ("cat", categorical, CATEGORICAL)])
    forest = RandomForestClassifier(
        n_estimators=500, min_samples_leaf=3, class_weight="balanced_subsample",
        n_jobs=-1, random_state=SEED,
    )
    return Pipeline([("prep", prep), ("forest", forest)])


trees = load_inspections()
print(trees["grade"].value_counts(normalize=True).round(3))

train = trees.sample(frac=SETTINGS["train_frac"], random_state=SEED)
test = trees.sample(frac=1 - SETTINGS["train_frac"], random_state=SEED + 1)
print(f"train {len(train)} trees, test {len(test)} trees")

model = build_pipeline()
model.fit(train[NUMERIC + CATEGORICAL], train["grade"])
pred = model.predict(test[NUMERIC + CATEGORICAL])

print(f"balanced accuracy: {balanced_accuracy_score(test['grade'], pred):.3f}")
print(classification_report(test["grade"], pred, labels=GRADE_ORDER, digits=3))
cm = pd.DataFrame(
    confusion_matrix(test["grade"], pred, labels=GRADE_ORDER),
    index=[f"true_{g}" for g in GRADE_ORDER],
    columns=[f"pred_{g}" for g in GRADE_ORDER],
)
print(cm)

by_species = (
    test.assign(hit=(pred == test["grade"].to_numpy()))
    .groupby("species")["hit"].mean()
    .sort_values()
)
print(by_species.round(3))

names = model.named_steps["prep"].get_feature_names_out()
imp = pd.Series(model.named_steps["forest"].feature_importances_, index=names)
imp.sort_values().tail(15).plot.barh(figsize=(7, 6), title="forest importance")
plt.tight_layout()
plt.savefig("tree_grade_importance.png")
