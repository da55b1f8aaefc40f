# label: leakage/none
# twin: ovl_household_members_insurance__leaky.py
# source: hand-written for ai-ci held-out v6 (Apache-2.0)
"""Who lacks health insurance? Person-level model on the household survey."""
import lightgbm as lgb
import pandas as pd
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import GroupShuffleSplit

PERSON_COLS = ["age", "sex", "employment_status", "hours_worked", "education_years"]
HOUSEHOLD_COLS = ["hh_income", "hh_size", "tenure", "region", "n_children", "urban"]
CODEBOOK = {
    "sex": ["female", "male"],
    "employment_status": ["employed", "self_employed", "unemployed", "inactive", "retired", "student"],
    "tenure": ["owner", "mortgage", "private_rent", "social_rent", "rent_free"],
    "region": ["north", "north_east", "east", "south_east", "south", "south_west", "west", "capital"],
}
CATEGORICAL = list(CODEBOOK)


def load_survey(persons_path, households_path):
    persons = pd.read_csv(persons_path)
    households = pd.read_csv(households_path)
    df = persons.merge(households, on="household_id", how="left", validate="many_to_one")
    for col, levels in CODEBOOK.items():
        df[col] = pd.Categorical(df[col], categories=levels)
    return df


survey = load_survey("data/survey_persons_2022.csv", "data/survey_households_2022.csv")
survey = survey[survey["age"] >= 18]
X = survey[PERSON_COLS + HOUSEHOLD_COLS]
y = survey["uninsured"].astype(int)

splitter = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=5)
train_idx, test_idx = next(splitter.split(X, y, groups=survey["household_id"]))
X_train, X_test = X.iloc[train_idx], X.iloc[test_idx]
y_train, y_test = y.iloc[train_idx], y.iloc[test_idx]

model = lgb.LGBMClassifier(n_estimators=600, learning_rate=0.03, num_leaves=63,
                           min_child_samples=40, subsample=0.8, subsample_freq=1,
                           colsample_bytree=0.8, random_state=5)
model.fit(X_train, y_train, categorical_feature=CATEGORICAL)

proba = model.predict_proba(X_test)[:, 1]
print(f"AUC {roc_auc_score(y_test, proba):.3f}  AP {average_precision_score(y_test, proba):.3f}")
imp = pd.Series(model.feature_importances_, index=X.columns).sort_values(ascending=False)
print(imp.head(8))
