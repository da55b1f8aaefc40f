# label: leakage/none
# twin: pre_column_transformer_fit_all__leaky.py
# source: hand-written for ai-ci, tuning part of round 4 (Apache-2.0)
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import GradientBoostingClassifier
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import OneHotEncoder, StandardScaler

adult = pd.read_csv("adult.csv")
num = ["age", "hours_per_week", "capital_gain"]
cat = ["workclass", "education", "occupation"]
ct = ColumnTransformer([("num", StandardScaler(), num), ("cat", OneHotEncoder(handle_unknown="ignore"), cat)])
from sklearn.pipeline import Pipeline

X_train, X_test, y_train, y_test = train_test_split(adult[num + cat], adult["income_gt_50k"], test_size=0.2, random_state=32)
clf = Pipeline([("prep", ct), ("gb", GradientBoostingClassifier(random_state=32))]).fit(X_train, y_train)
print(f"test accuracy {clf.score(X_test, y_test):.3f}")
