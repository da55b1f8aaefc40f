# label: leakage/none
"""Predict whether a guided sea kayak trip will be cut short by conditions."""
import numpy as np
import pandas as pd
from sklearn.calibration import CalibratedClassifierCV
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import brier_score_loss, roc_auc_score
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OrdinalEncoder

bookings = pd.read_csv("kayak_trip_bookings.csv", parse_dates=["trip_date"])
guides = pd.read_csv("guides.csv")
forecasts = pd.read_parquet("marine_forecasts_0600.parquet")
trip_log = pd.read_csv("trip_log.csv")

df = (
    bookings.merge(guides, on="guide_id", how="left")
    .merge(forecasts, on=["launch_site", "trip_date"], how="left")
    .merge(trip_log[["trip_id", "cut_short"]], on="trip_id", how="inner")
)
df = df[df["status"] != "cancelled_by_client"].copy()
df["month"] = df["trip_date"].dt.month
df["wind_against_tide"] = (
    np.cos(np.deg2rad(df["wind_dir_deg"] - df["tidal_stream_dir_deg"])) < -0.5
).astype(int)
df["gust_factor"] = df["gust_kn"] / df["wind_kn"].clip(lower=1)
df["novice_share"] = df["n_novices"] / df["group_size"]

CATEGORICAL = ["route_exposure", "launch_site", "boat_type", "guide_grade"]
NUMERIC = [
    "wind_kn", "gust_kn", "gust_factor", "swell_m", "swell_period_s", "wind_against_tide",
    "tidal_range_m", "visibility_km", "group_size", "novice_share", "guide_years",
    "planned_km", "month",
]

# earlier seasons for training, the latest season held out
is_test = df["trip_date"] >= pd.Timestamp("2024-01-01")
X_train, y_train = df.loc[~is_test, CATEGORICAL + NUMERIC], df.loc[~is_test, "cut_short"].astype(int)
X_test, y_test = df.loc[is_test, CATEGORICAL + NUMERIC], df.loc[is_test, "cut_short"].astype(int)

prep = ColumnTransformer(
    [("cat", OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=-1), CATEGORICAL)],
    remainder="passthrough",
)
hgb = HistGradientBoostingClassifier(
    learning_rate=0.05, max_iter=300, max_leaf_nodes=20, l2_regularization=0.5,
    categorical_features=list(range(len(CATEGORICAL))), random_state=3,
)
model = CalibratedClassifierCV(Pipeline([("prep", prep), ("hgb", hgb)]), method="isotonic", cv=5)
model.fit(X_train, y_train)

p = model.predict_proba(X_test)[:, 1]
print(f"trips in test: {len(y_test)}, cut short: {y_test.mean():.3f}")
print(f"ROC AUC: {roc_auc_score(y_test, p):.4f}")
print(f"Brier:   {brier_score_loss(y_test, p):.4f}")

bands = pd.cut(p, [0, 0.1, 0.25, 0.5, 1.0], include_lowest=True)
print(pd.DataFrame({"band": bands, "cut_short": y_test.to_numpy()}).groupby("band", observed=True)["cut_short"].agg(["size", "mean"]))
