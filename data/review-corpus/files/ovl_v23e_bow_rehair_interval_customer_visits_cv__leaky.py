# label: leakage/overlap
"""Estimate weeks until a string player's bow needs its next rehair from workshop visit records."""
import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import RandomForestRegressor
from sklearn.impute import SimpleImputer
from sklearn.model_selection import KFold, cross_validate
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder

visits = pd.read_csv("rehair_visits.csv", parse_dates=["visit_date"])
players = pd.read_csv("players.csv")
bows = pd.read_csv("bows.csv")

df = (
    visits.merge(players, on="customer_id", how="left")
    .merge(bows, on="bow_id", how="left")
    .sort_values(["customer_id", "visit_date"])
)
df["next_visit"] = df.groupby("bow_id")["visit_date"].shift(-1)
df["weeks_to_next"] = (df["next_visit"] - df["visit_date"]).dt.days / 7
df = df.dropna(subset=["weeks_to_next"])
df = df[df["weeks_to_next"].between(2, 156)]

df["visit_month"] = df["visit_date"].dt.month
df["hair_broken_share"] = df["hairs_broken"] / df["hank_size"].replace(0, np.nan)
df["bow_age_years"] = df["visit_date"].dt.year - df["bow_made_year"]

num_cols = ["hours_per_week", "hair_broken_share", "bow_age_years", "visit_month",
            "rosin_hardness", "stick_weight_g", "home_humidity_pct"]
cat_cols = ["instrument", "player_level", "hair_colour", "genre", "climate_zone"]

X = df[num_cols + cat_cols]
y = df["weeks_to_next"]

pre = ColumnTransformer([
    ("num", SimpleImputer(strategy="median"), num_cols),
    ("cat", OneHotEncoder(handle_unknown="ignore", min_frequency=10), cat_cols),
])
model = Pipeline([
    ("pre", pre),
    ("rf", RandomForestRegressor(n_estimators=400, min_samples_leaf=5, n_jobs=-1, random_state=2)),
])

cv = KFold(n_splits=5, shuffle=True, random_state=2)
res = cross_validate(model, X, y, cv=cv,
                     scoring=["neg_mean_absolute_error", "r2"])

mae = -res["test_neg_mean_absolute_error"]
print(f"visits: {len(df)}  customers: {df['customer_id'].nunique()}")
print(f"CV MAE (weeks): {mae.mean():.2f} +/- {mae.std():.2f}")
print(f"CV R^2: {res['test_r2'].mean():.3f}")
