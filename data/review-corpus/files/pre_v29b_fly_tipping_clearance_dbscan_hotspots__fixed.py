# label: leakage/none
# Street scene team: which fly-tipping reports will be cleared within 48 hours?
# Reports come from the app, the contact centre and crews; locations are snapped to the
# nearest street. Repeat dumping spots are picked up with DBSCAN on the coordinates.
import numpy as np
import pandas as pd
import lightgbm as lgb
from sklearn.cluster import DBSCAN
from sklearn.neighbors import NearestNeighbors
from sklearn.metrics import roc_auc_score, average_precision_score, classification_report

EARTH_RADIUS_M = 6_371_000
EPS_M = 120

reports = pd.read_parquet("exports/flytipping_reports_2021_2024.parquet")
reports = reports[reports["status"] != "open"].dropna(subset=["lat", "lon"])
reports["reported_at"] = pd.to_datetime(reports["reported_at"], utc=True)
reports["cleared_48h"] = reports["hours_to_clear"].le(48).astype(int)

reports["hour"] = reports["reported_at"].dt.hour
reports["weekday"] = reports["reported_at"].dt.dayofweek
reports["month"] = reports["reported_at"].dt.month
reports["bank_holiday_week"] = reports["reported_at"].dt.isocalendar().week.isin([14, 18, 22, 35, 52]).astype(int)

split_date = pd.Timestamp("2024-01-01", tz="UTC")
train = reports[reports["reported_at"] < split_date - pd.Timedelta(hours=48)].copy()
test = reports[reports["reported_at"] >= split_date].copy()

train_xy = np.radians(train[["lat", "lon"]].to_numpy())
test_xy = np.radians(test[["lat", "lon"]].to_numpy())
db = DBSCAN(eps=EPS_M / EARTH_RADIUS_M, min_samples=6, metric="haversine", algorithm="ball_tree")
train["hotspot"] = db.fit_predict(train_xy)

# new reports join the hotspot of the nearest core point within eps
core_xy = train_xy[db.core_sample_indices_]
core_lab = db.labels_[db.core_sample_indices_]
nn = NearestNeighbors(n_neighbors=1, metric="haversine").fit(core_xy)
dist, idx = nn.kneighbors(test_xy)
test["hotspot"] = np.where(dist[:, 0] <= EPS_M / EARTH_RADIUS_M, core_lab[idx[:, 0]], -1)

sizes = train.loc[train["hotspot"] >= 0, "hotspot"].value_counts()
for part in (train, test):
    part["hotspot_size"] = part["hotspot"].map(sizes).fillna(0).astype(int)
    part["in_hotspot"] = (part["hotspot"] >= 0).astype(int)
print(f"{train['hotspot'].max() + 1} hotspots, {train['in_hotspot'].mean():.1%} of training reports inside one")

cat_cols = ["waste_type", "channel", "ward", "land_type", "size_band"]
for c in cat_cols:
    cats = pd.CategoricalDtype(sorted(train[c].dropna().unique()))
    train[c] = train[c].astype(cats)
    test[c] = test[c].astype(cats)
FEATURES = cat_cols + ["hour", "weekday", "month", "bank_holiday_week",
                       "hazardous_flag", "photo_attached", "in_hotspot", "hotspot_size"]

clf = lgb.LGBMClassifier(
    n_estimators=600,
    learning_rate=0.03,
    num_leaves=48,
    min_child_samples=50,
    colsample_bytree=0.8,
    reg_lambda=2.0,
    random_state=1,
    verbose=-1,
)
clf.fit(train[FEATURES], train["cleared_48h"], categorical_feature=cat_cols)

proba = clf.predict_proba(test[FEATURES])[:, 1]
print(f"test reports: {len(test)}, cleared in 48h: {test['cleared_48h'].mean():.1%}")
print(f"ROC AUC  {roc_auc_score(test['cleared_48h'], proba):.3f}")
print(f"PR AUC   {average_precision_score(test['cleared_48h'], proba):.3f}")
print(classification_report(test["cleared_48h"], (proba >= 0.5).astype(int), digits=3))

gain = pd.Series(clf.booster_.feature_importance("gain"), index=FEATURES).sort_values(ascending=False)
print(gain.head(10).round(0))
