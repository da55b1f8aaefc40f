# label: leakage/none
"""Predict whether a bike-fit studio customer returns their new saddle within 30 days, using CatBoost."""
import pandas as pd
from catboost import CatBoostClassifier, Pool
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score

DATA_END = pd.Timestamp("2024-10-31")

fits = pd.read_csv("bike_fit_sessions.csv", parse_dates=["fit_date"])
saddles = pd.read_csv("saddle_catalogue.csv")
returns = pd.read_csv("saddle_returns.csv", parse_dates=["returned_on"])

df = fits.merge(saddles, on="saddle_sku", how="left")
df = df[df["fit_date"] <= DATA_END - pd.Timedelta(days=30)].copy()

ret = returns.merge(fits[["fit_id", "fit_date"]], on="fit_id")
ret = ret[(ret["returned_on"] - ret["fit_date"]).dt.days.between(0, 30)]
df["returned_30d"] = df["fit_id"].isin(ret["fit_id"]).astype(int)

df = df.sort_values("fit_date")
df["prior_fits"] = df.groupby("customer_id").cumcount()
df["width_margin_mm"] = df["saddle_width_mm"] - df["sit_bone_width_mm"]
df["saddle_drop_mm"] = df["saddle_height_mm"] - df["bar_height_mm"]
df["weekly_hours"] = df["weekly_hours"].fillna(-1)

cat_features = ["discipline", "saddle_shape", "cutout", "rail_material", "fitter_id"]
features = [
    "rider_height_cm", "inseam_cm", "flexibility_score", "sit_bone_width_mm", "saddle_width_mm",
    "width_margin_mm", "saddle_drop_mm", "saddle_price", "weekly_hours", "prior_fits",
    "pain_reported_at_fit",
] + cat_features
df[cat_features] = df[cat_features].fillna("unknown").astype(str)

TEST_START = pd.Timestamp("2024-03-01")
# training fits end 30 days before the test period so their return window is closed
train = df[df["fit_date"] < TEST_START - pd.Timedelta(days=30)]
test = df[df["fit_date"] >= TEST_START]
print(len(train), "train fits,", len(test), "test fits, return rate", round(train["returned_30d"].mean(), 3))

model = CatBoostClassifier(
    iterations=800, learning_rate=0.04, depth=6, l2_leaf_reg=5.0,
    loss_function="Logloss", random_seed=0, verbose=0,
)
model.fit(Pool(train[features], train["returned_30d"], cat_features=cat_features))

proba = model.predict_proba(Pool(test[features], cat_features=cat_features))[:, 1]
y = test["returned_30d"]
print("ROC AUC:", round(roc_auc_score(y, proba), 3))
print("average precision:", round(average_precision_score(y, proba), 3))
print("Brier:", round(brier_score_loss(y, proba), 4))
imp = pd.Series(model.get_feature_importance(), index=features).sort_values(ascending=False)
print(imp.head(10).round(2))
