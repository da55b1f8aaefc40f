# label: leakage/overlap
# twin: ovl_rent_listings_two_scrapes__fixed.py
# source: hand-written for ai-ci held-out v6 (Apache-2.0)
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.metrics import mean_absolute_error, r2_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder

NUMERIC = ["sqm", "rooms", "floor", "year_built", "dist_center_km"]
CATEGORICAL = ["district", "heating", "energy_label"]
RENAME = {"living_area": "sqm", "n_rooms": "rooms", "quarter": "district", "rent_eur": "monthly_rent"}


def read_scrape(path, portal):
    df = pd.read_json(path, lines=True).rename(columns=RENAME)
    df["portal"] = portal
    return df


listings = pd.concat(
    [read_scrape("scrapes/portal_a_2024-05.jsonl", "a"),
     read_scrape("scrapes/portal_b_2024-05.jsonl", "b")],
    ignore_index=True,
)
listings = listings[listings["monthly_rent"].between(200, 8000)]
print(listings.groupby("portal").size())

X = listings[NUMERIC + CATEGORICAL]
y = listings["monthly_rent"]
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=0)

pre = ColumnTransformer([
    ("cat", OneHotEncoder(handle_unknown="ignore", min_frequency=20), CATEGORICAL),
], remainder="passthrough")
model = Pipeline([("pre", pre), ("gbr", HistGradientBoostingRegressor(max_iter=500, random_state=0))])
model.fit(X_train, y_train)

pred = model.predict(X_test)
print(f"MAE {mean_absolute_error(y_test, pred):.0f} EUR, R2 {r2_score(y_test, pred):.3f}")
