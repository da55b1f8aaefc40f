# label: leakage/none
# twin: pre_r13_column_transformer_outside_cv__leaky.py
# source: hand-written for ai-ci, tuning part of round 13 (Apache-2.0)
"""Cross-validated model of log domestic box office for wide releases, 2010-2019."""
import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.linear_model import RidgeCV
from sklearn.model_selection import KFold, cross_val_score
from sklearn.pipeline import Pipeline, make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

NUM = ["budget_musd", "runtime_min", "opening_theaters", "trailer_views_m",
       "director_prev_gross_musd", "star_power"]
CAT = ["genre", "mpaa_rating", "distributor", "release_month", "is_sequel"]

films = pd.read_csv("data/films_2010_2019.csv")
films = films[films["opening_theaters"] >= 600].reset_index(drop=True)
X = films[NUM + CAT]
y = np.log1p(films["domestic_gross_usd"])

prep = ColumnTransformer([
    ("num", make_pipeline(SimpleImputer(strategy="median"), StandardScaler()), NUM),
    ("cat", make_pipeline(SimpleImputer(strategy="most_frequent"),
                          OneHotEncoder(handle_unknown="infrequent_if_exist", min_frequency=10)),
     CAT),
])
# imputers, scaler and encoder are refit inside every training fold
model = Pipeline([("prep", prep), ("ridge", RidgeCV(alphas=np.logspace(-2, 3, 20)))])

cv = KFold(n_splits=5, shuffle=True, random_state=8)
rmse = -cross_val_score(model, X, y, cv=cv,
                        scoring="neg_root_mean_squared_error")
r2 = cross_val_score(model, X, y, cv=cv, scoring="r2")
print(f"{len(films)} films, {len(NUM) + len(CAT)} raw columns")
print(f"CV RMSE (log $): {rmse.mean():.3f} +/- {rmse.std():.3f}")
print(f"CV R2: {r2.mean():.3f}")
