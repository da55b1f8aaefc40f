# label: leakage/preprocessing
# Street scene team: which fly-tipping reports will be cleared within 48 hours?
# Reports come from the app, the contact centre and crews; locations are snapped to the
# nearest street. Repeat dumping spots are picked up with DBSCAN on the coordinates.
import numpy as np
import pandas as pd
import lightgbm as lgb
from sklearn.cluster import DBSCAN
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

coords = np.radians(reports[["lat", "lon"]].to_numpy())
db = DBSCAN(eps=EPS_M / EARTH_RADIUS_M, min_samples=6, metric="haversine", algorithm="ball_tree")
reports["hotspot"] = db.fit_predict(coords)
sizes = reports.loc[reports["hotspot"] >= 0, "hotspot"].value_counts()
reports["hotspot_size"] = reports["hotspot"].map(sizes).fillna(0).astype(int)
reports["in_hotspot"] = (reports["hotspot"] >= 0).astype(int)
print(f"{reports['hotspot'].max() + 1} hotspots, {reports['in_hotspot'].mean():.1%} of reports inside one")

cat_cols = ["waste_type", "channel", "ward", "land_type", "size_band"]
for c in cat_cols:
    reports[c] = reports[c].astype("category")
FEATURES = cat_cols + ["hour", "weekday", "month", "bank_holiday_week",
                       "hazardous_flag", "photo_attached", "in_hotspot", "hotspot_size"]

split_date = pd.Timestamp("2024-01-01", tz="UTC")
train = reports[reports["reported_at"] < split_date - pd.Timedelta(hours=48)]
test = reports[reports["reported_at"] >= split_date]

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
