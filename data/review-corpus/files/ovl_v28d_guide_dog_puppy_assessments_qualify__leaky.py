# label: leakage/overlap
"""Which puppies in the raising programme go on to qualify as guide dogs?

puppy_assessments.csv holds one row per monthly assessment from the puppy
walkers' supervisors (8-14 per dog). `qualified` is the outcome recorded at
the end of advanced training.
"""
import joblib
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import StratifiedKFold, cross_val_predict
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OrdinalEncoder

assess = pd.read_csv("exports/puppy_assessments.csv", parse_dates=["assessment_date"])
dogs = pd.read_csv("exports/dog_register.csv", usecols=["dog_id", "litter_id", "breed", "sex", "qualified"])
df = assess.merge(dogs, on="dog_id", how="inner", validate="many_to_one")
df = df[df["age_weeks"].between(10, 60)].reset_index(drop=True)

CATEGORICAL = ["breed", "sex", "walker_household"]
NUMERIC = [
    "age_weeks", "weight_kg", "recall_score", "loose_lead_score", "distraction_score",
    "body_handling_score", "noise_reactivity", "dog_distraction", "scent_interest",
    "settle_score", "traffic_confidence", "stairs_confidence", "energy_level",
]

X = df[CATEGORICAL + NUMERIC]
y = df["qualified"].astype(int)
print(f"{df['dog_id'].nunique()} dogs, {len(df)} assessments, qualify rate {dogs['qualified'].mean():.2f}")

prep = ColumnTransformer(
    [("cat", OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=-1,
                            encoded_missing_value=-1), CATEGORICAL)],
    remainder="passthrough",
)
model = Pipeline([
    ("prep", prep),
    ("hgb", HistGradientBoostingClassifier(
        learning_rate=0.05, max_leaf_nodes=15, l2_regularization=1.0,
        categorical_features=[0, 1, 2], max_iter=300, random_state=0)),
])

cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=3)
proba = cross_val_predict(model, X, y, cv=cv, method="predict_proba")[:, 1]

df["p_qualify"] = proba
print(f"assessment-level ROC AUC: {roc_auc_score(y, proba):.3f}")
print(f"assessment-level AP:      {average_precision_score(y, proba):.3f}")

# what the training school sees: the score from the dog's latest assessment
latest = df.sort_values("assessment_date").groupby("dog_id").tail(1).copy()
print(f"latest-assessment ROC AUC: {roc_auc_score(latest['qualified'], latest['p_qualify']):.3f}")

latest["band"] = pd.cut(latest["p_qualify"], [0, 0.3, 0.6, 1.0], labels=["low", "mid", "high"])
print(latest.groupby("band", observed=True)["qualified"].agg(["count", "mean"]).round(2))

# model handed to the training school, fitted on every assessment we have
model.fit(X, y)
joblib.dump(model, "models/qualify_hgb.joblib")
