# label: leakage/preprocessing
import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.model_selection import KFold, cross_validate
from sklearn.neighbors import KNeighborsRegressor
from sklearn.preprocessing import OneHotEncoder, QuantileTransformer

RIS_EXPORT = "ris/studies_2023.csv"

NUMERIC = ["queue_len_at_order", "reads_pending_same_modality", "radiologists_on_shift",
           "prior_studies_count", "series_count", "images_count", "order_to_scan_min"]
CATEGORICAL = ["modality", "body_region", "priority", "patient_setting", "site"]


def load_studies(path):
    df = pd.read_csv(path, parse_dates=["ordered_at", "scan_completed_at", "report_signed_at"])
    df = df[df["status"] == "FINAL"]
    df["tat_min"] = (df["report_signed_at"] - df["scan_completed_at"]).dt.total_seconds() / 60
    df = df[(df["tat_min"] > 0) & (df["tat_min"] < 7 * 24 * 60)]
    df["order_to_scan_min"] = (df["scan_completed_at"] - df["ordered_at"]).dt.total_seconds() / 60
    df["hour_sin"] = np.sin(2 * np.pi * df["scan_completed_at"].dt.hour / 24)
    df["hour_cos"] = np.cos(2 * np.pi * df["scan_completed_at"].dt.hour / 24)
    df["weekend"] = (df["scan_completed_at"].dt.dayofweek >= 5).astype(int)
    return df.reset_index(drop=True)


studies = load_studies(RIS_EXPORT)
X = studies[NUMERIC + CATEGORICAL + ["hour_sin", "hour_cos", "weekend"]]
y = np.log1p(studies["tat_min"])

prep = ColumnTransformer([
    ("num", QuantileTransformer(n_quantiles=200, output_distribution="normal"), NUMERIC),
    ("cat", OneHotEncoder(handle_unknown="ignore", sparse_output=False), CATEGORICAL),
], remainder="passthrough")
X_enc = prep.fit_transform(X)

knn = KNeighborsRegressor(n_neighbors=25, weights="distance")
cv = KFold(n_splits=5, shuffle=True, random_state=8)
res = cross_validate(knn, X_enc, y, cv=cv,
                     scoring=["neg_mean_absolute_error", "r2"], return_train_score=False)

mae_log = -res["test_neg_mean_absolute_error"]
print(f"MAE (log minutes): {mae_log.mean():.3f} +/- {mae_log.std():.3f}")
print(f"R2: {res['test_r2'].mean():.3f}")
print(f"typical multiplicative error: x{np.exp(mae_log.mean()):.2f}")
