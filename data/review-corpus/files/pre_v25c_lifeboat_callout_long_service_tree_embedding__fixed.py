# label: leakage/none
"""Predict at launch whether a lifeboat callout will turn into a service lasting more than two hours."""
import numpy as np
import pandas as pd
from sklearn.ensemble import RandomTreesEmbedding
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import train_test_split
from scipy import sparse

callouts = pd.read_csv("station_callouts.csv", parse_dates=["pager_time"])
stations = pd.read_csv("station_register.csv")
marine = pd.read_csv("coastguard_conditions_hourly.csv", parse_dates=["hour"])

df = callouts.merge(stations, on="station_id", how="left")
df["hour"] = df["pager_time"].dt.floor("h")
df = df.merge(marine, on=["coast_zone", "hour"], how="left")
df = df[df["launched"] == 1].copy()

df["long_service"] = (df["service_minutes"] > 120).astype(int)
df["night"] = ((df["pager_time"].dt.hour < 6) | (df["pager_time"].dt.hour >= 21)).astype(int)
df["winter"] = df["pager_time"].dt.month.isin([11, 12, 1, 2, 3]).astype(int)
df["log_distance_nm"] = np.log1p(df["reported_distance_nm"].clip(lower=0))
df["offshore_wind"] = (np.cos(np.radians(df["wind_dir_deg"] - df["coast_bearing_deg"])) > 0.5).astype(int)
df["persons_reported"] = df["persons_reported"].fillna(1).clip(upper=20)

numeric = ["log_distance_nm", "wind_kn", "gust_kn", "wave_height_m", "visibility_km",
           "sea_temp_c", "tide_range_m", "persons_reported", "crew_on_pager", "boat_age_years"]
flags = ["night", "winter", "offshore_wind"]
categories = ["incident_type", "vessel_class", "boat_class"]

df = df.dropna(subset=numeric)
X_num = df[numeric + flags].to_numpy(dtype=float)
X_cat = pd.get_dummies(df[categories].fillna("unknown"), dtype=float)
y = df["long_service"].to_numpy()

idx = np.arange(len(df))
train_idx, test_idx = train_test_split(idx, test_size=0.25, stratify=y, random_state=3)
y_train, y_test = y[train_idx], y[test_idx]

embedder = RandomTreesEmbedding(n_estimators=200, max_depth=5, min_samples_leaf=20,
                                random_state=3)
embedder.fit(X_num[train_idx])
leaves = embedder.transform(X_num)
X_all = sparse.hstack([leaves, sparse.csr_matrix(X_cat.to_numpy())]).tocsr()
X_train, X_test = X_all[train_idx], X_all[test_idx]

clf = LogisticRegression(C=0.3, max_iter=5000, class_weight="balanced")
clf.fit(X_train, y_train)
p = clf.predict_proba(X_test)[:, 1]

print(f"callouts: {len(df)}, long services: {y.mean():.1%}")
print(f"leaf features: {leaves.shape[1]}, one-hot: {X_cat.shape[1]}")
print(f"Test ROC AUC: {roc_auc_score(y_test, p):.3f}")
print(f"Test AP:      {average_precision_score(y_test, p):.3f}")
top = np.argsort(-p)[: max(1, len(p) // 10)]
print(f"precision in top decile: {y_test[top].mean():.3f}")
