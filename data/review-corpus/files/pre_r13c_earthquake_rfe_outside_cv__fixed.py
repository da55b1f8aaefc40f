# label: leakage/none
# twin: pre_r13c_earthquake_rfe_outside_cv__leaky.py
# source: hand-written for ai-ci, tuning part of round 13 (Apache-2.0)
import pandas as pd
from sklearn.feature_selection import RFE, VarianceThreshold
from sklearn.ensemble import ExtraTreesClassifier, RandomForestClassifier
from sklearn.model_selection import StratifiedKFold, cross_val_score
from sklearn.pipeline import make_pipeline

values = pd.read_csv("train_values.csv")
labels = pd.read_csv("train_labels.csv")
buildings = values.merge(labels, on="building_id")

X = buildings.drop(columns=["building_id", "damage_grade"]).select_dtypes("number")
y = buildings["damage_grade"]
print(X.shape, y.value_counts().sort_index().to_dict())

# drop near-constant flags and keep the 15 most useful columns, refit inside every fold
vt = VarianceThreshold(threshold=0.01)
rfe = RFE(ExtraTreesClassifier(n_estimators=100, random_state=0, n_jobs=-1),
          n_features_to_select=15, step=3)

forest = RandomForestClassifier(n_estimators=300, min_samples_leaf=5, n_jobs=-1, random_state=0)
pipe = make_pipeline(vt, rfe, forest)
cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)
scores = cross_val_score(pipe, X, y, cv=cv, scoring="f1_micro")
print("fold micro-F1:", scores.round(4))
print("mean micro-F1: %.4f" % scores.mean())
