# label: leakage/target
# Self-catering cottages on the agency's books for the 2024 season.
# Goal: suggest a peak-week nightly rate for properties when they are signed up.
import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.metrics import mean_absolute_error, median_absolute_error
from sklearn.model_selection import train_test_split

listings = pd.read_csv("data/cottages/listings_2024.csv")
villages = pd.read_csv("data/cottages/villages.csv")      # village, district, coast_km, pubs, tourism_tier

df = listings.merge(villages, on="village", how="left")
df = df[df["peak_nightly_rate"].between(40, 1500)].copy()

df["sleeps_per_bedroom"] = df["sleeps"] / df["bedrooms"].clip(lower=1)
df["amenity_score"] = df[["hot_tub", "wood_burner", "ev_charger", "garden", "sea_view"]].sum(axis=1)
df["log_rate"] = np.log(df["peak_nightly_rate"])

# where the cottage sits in its village's price ladder
df["village_price_pct"] = df.groupby("village")["peak_nightly_rate"].rank(pct=True)

village_type = pd.CategoricalDtype(categories=sorted(villages["village"].unique()))
df["village"] = df["village"].astype(village_type)
tier_type = pd.CategoricalDtype(categories=["remote", "rural", "popular", "honeypot"], ordered=True)
df["tourism_tier"] = df["tourism_tier"].astype(tier_type)

features = [
    "bedrooms", "bathrooms", "sleeps", "sleeps_per_bedroom", "dog_friendly",
    "hot_tub", "wood_burner", "ev_charger", "garden", "sea_view", "parking_spaces",
    "amenity_score", "grading_stars", "min_stay_nights", "coast_km", "pubs",
    "tourism_tier", "village", "village_price_pct",
]

X_train, X_test, y_train, y_test = train_test_split(
    df[features], df["log_rate"], test_size=0.2, random_state=12
)

model = xgb.XGBRegressor(
    n_estimators=800,
    learning_rate=0.03,
    max_depth=5,
    min_child_weight=3,
    subsample=0.8,
    colsample_bytree=0.8,
    reg_lambda=2.0,
    tree_method="hist",
    enable_categorical=True,
    random_state=12,
)
model.fit(X_train, y_train)

pred_rate = np.exp(model.predict(X_test))
true_rate = np.exp(y_test)
print(f"MAE: £{mean_absolute_error(true_rate, pred_rate):.0f} per night")
print(f"median AE: £{median_absolute_error(true_rate, pred_rate):.0f} per night")
within_10 = np.mean(np.abs(pred_rate - true_rate) / true_rate <= 0.10)
print(f"within ±10%: {within_10:.1%}")

gain = model.get_booster().get_score(importance_type="gain")
print(pd.Series(gain).sort_values(ascending=False).head(10).round(1))
