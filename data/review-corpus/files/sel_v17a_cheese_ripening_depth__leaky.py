# label: leakage/selection
# twin: sel_v17a_cheese_ripening_depth__fixed.py
# source: hand-written for ai-ci held-out v17 (Apache-2.0)
"""Estimate the ripening age (days) of cheese wheels from cellar logs and assay readings."""
import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import RandomForestRegressor
from sklearn.metrics import mean_absolute_error, r2_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder

DATA = "data/cellar_assays.csv"
NUMERIC = ["ph", "moisture_pct", "salt_pct", "rind_hardness", "cellar_temp_c",
           "cellar_rh", "wheel_weight_kg", "proteolysis_index"]
CATEGORICAL = ["milk_type", "cellar_id", "rind_treatment"]
DEPTHS = [4, 6, 8, 12, 16, None]


def load(path):
    df = pd.read_csv(path)
    df = df.dropna(subset=["age_days"])
    df = df[df["wheel_weight_kg"].between(0.5, 60)]
    df["milk_type"] = df["milk_type"].str.strip().str.lower()
    df["rind_treatment"] = df["rind_treatment"].fillna("none")
    df[NUMERIC] = df[NUMERIC].fillna(-1.0)
    return df.reset_index(drop=True)


def make_model(depth):
    prep = ColumnTransformer([
        ("cat", OneHotEncoder(handle_unknown="ignore"), CATEGORICAL),
        ("num", "passthrough", NUMERIC),
    ])
    forest = RandomForestRegressor(n_estimators=400, max_depth=depth,
                                   min_samples_leaf=3, n_jobs=-1, random_state=3)
    return Pipeline([("prep", prep), ("forest", forest)])


df = load(DATA)
print(f"{len(df)} wheels, age range {df['age_days'].min()}-{df['age_days'].max()} days")

X = df[NUMERIC + CATEGORICAL]
y = df["age_days"].to_numpy()
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=11)

scores = {}
for depth in DEPTHS:
    model = make_model(depth)
    model.fit(X_train, y_train)
    pred = model.predict(X_test)
    scores[depth] = mean_absolute_error(y_test, pred)
    print(f"max_depth={depth}: MAE={scores[depth]:.2f} days")

best_depth = min(scores, key=scores.get)
final = make_model(best_depth)
final.fit(X_train, y_train)
pred = final.predict(X_test)

print(f"chosen max_depth: {best_depth}")
print(f"test MAE: {mean_absolute_error(y_test, pred):.2f} days")
print(f"test R2:  {r2_score(y_test, pred):.3f}")
within_week = np.mean(np.abs(pred - y_test) <= 7)
print(f"share within 7 days: {within_week:.1%}")
