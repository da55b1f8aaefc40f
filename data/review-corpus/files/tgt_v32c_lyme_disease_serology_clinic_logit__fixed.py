# label: leakage/none
"""Risk score for a positive two-tier Lyme serology among patients seen at the first clinic visit."""
import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import brier_score_loss, roc_auc_score
from sklearn.model_selection import GroupShuffleSplit
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

PATHS = {
    "episodes": "data/suspected_lyme_episodes.csv",   # one row per first visit for a suspected episode
    "labs": "data/serology_results.csv",              # episode_id, elisa_index, igm_bands, igg_bands
    "incidence": "data/county_incidence.csv",         # county, year, cases_per_100k
}
NUMERIC = ["age", "days_since_onset", "rash_diameter_cm", "incidence_prev_year"]
BINARY = ["em_rash", "fever", "arthralgia", "headache", "fatigue", "tick_bite_recalled", "outdoor_occupation"]
CATEGORICAL = ["sex", "visit_month", "clinic_type"]


def two_tier_positive(df):
    first_tier = df["elisa_index"] >= 1.10
    igm_blot = df["igm_bands"] >= 2
    igg_blot = df["igg_bands"] >= 5
    return (first_tier & (igm_blot | igg_blot)).astype(int)


def assemble(paths):
    episodes = pd.read_csv(paths["episodes"], parse_dates=["visit_date"])
    labs = pd.read_csv(paths["labs"])
    incidence = pd.read_csv(paths["incidence"])
    episodes["visit_month"] = episodes["visit_date"].dt.month.astype(str)
    episodes["prev_year"] = episodes["visit_date"].dt.year - 1
    incidence = incidence.rename(columns={"year": "prev_year", "cases_per_100k": "incidence_prev_year"})
    df = episodes.merge(incidence, on=["county", "prev_year"], how="left")
    df = df.merge(labs, on="episode_id", how="inner")
    df["seropositive"] = two_tier_positive(df)
    return df


df = assemble(PATHS)
print(df["seropositive"].value_counts(normalize=True).round(3))

features = NUMERIC + BINARY + CATEGORICAL
X, y = df[features], df["seropositive"]

split = GroupShuffleSplit(n_splits=1, test_size=0.25, random_state=5)
train_idx, test_idx = next(split.split(X, y, groups=df["patient_id"]))
X_train, X_test = X.iloc[train_idx], X.iloc[test_idx]
y_train, y_test = y.iloc[train_idx], y.iloc[test_idx]

preprocess = ColumnTransformer([
    ("num", make_pipeline(SimpleImputer(strategy="median"), StandardScaler()), NUMERIC),
    ("bin", SimpleImputer(strategy="most_frequent"), BINARY),
    ("cat", OneHotEncoder(handle_unknown="ignore"), CATEGORICAL),
])
clf = make_pipeline(preprocess, LogisticRegression(C=0.5, max_iter=2000, class_weight="balanced"))
clf.fit(X_train, y_train)

proba = clf.predict_proba(X_test)[:, 1]
print(f"AUROC {roc_auc_score(y_test, proba):.3f}")
print(f"Brier {brier_score_loss(y_test, proba):.3f}")

names = clf[0].get_feature_names_out()
coefs = pd.Series(clf[-1].coef_.ravel(), index=names).sort_values(key=np.abs, ascending=False)
print(coefs.head(15).round(3))
