# label: leakage/overlap
# Parcel locker alarms: separate real tamper attempts from nuisance triggers
# (wind, heavy-handed customers, couriers forcing a sticky door).
import polars as pl
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import average_precision_score, classification_report, confusion_matrix
from sklearn.model_selection import train_test_split

alarms = pl.read_parquet("telemetry/locker_alarms_2023.parquet")
reviews = pl.read_csv("ops/alarm_reviews.csv")  # alarm_id, verdict from the security desk

df = (
    alarms.join(reviews, on="alarm_id", how="inner")
    .filter(pl.col("verdict").is_in(["tamper", "nuisance"]))
    .with_columns(
        (pl.col("verdict") == "tamper").cast(pl.Int8).alias("tamper"),
        pl.col("raised_at").dt.hour().alias("hour"),
        pl.col("raised_at").dt.weekday().alias("weekday"),
        (pl.col("door_open_ms") / 1000).alias("door_open_s"),
        (pl.col("accel_peak_g") / pl.col("accel_rms_g").clip(lower_bound=1e-3)).alias("crest_factor"),
    )
    .drop_nulls(["accel_peak_g", "accel_rms_g", "battery_v"])
)

FEATURES = [
    "hour", "weekday", "door_open_s", "accel_peak_g", "accel_rms_g", "crest_factor",
    "n_doors_opened", "pin_failures_5min", "lid_switch_bounces", "temp_c",
    "battery_v", "site_is_indoor", "courier_session_active",
]

print(df.group_by("tamper").len())

# real tampers are ~2% of reviewed alarms; bring them up to 1 in 4
pos = df.filter(pl.col("tamper") == 1)
neg = df.filter(pl.col("tamper") == 0)
n_extra = len(neg) // 3 - len(pos)
balanced = pl.concat([df, pos.sample(n=n_extra, with_replacement=True, seed=42)])
print(balanced.group_by("tamper").len())

X = balanced.select(FEATURES).to_numpy()
y = balanced.get_column("tamper").to_numpy()

X_train, X_test, y_train, y_test = train_test_split(
    X, y, test_size=0.25, stratify=y, random_state=42
)

forest = RandomForestClassifier(
    n_estimators=500,
    min_samples_leaf=3,
    max_features="sqrt",
    n_jobs=-1,
    random_state=42,
)
forest.fit(X_train, y_train)

proba = forest.predict_proba(X_test)[:, 1]
pred = (proba >= 0.5).astype(int)
print("average precision:", round(average_precision_score(y_test, proba), 3))
print(confusion_matrix(y_test, pred))
print(classification_report(y_test, pred, target_names=["nuisance", "tamper"], digits=3))

ranked = sorted(zip(forest.feature_importances_, FEATURES), reverse=True)
for imp, name in ranked:
    print(f"{name:24s} {imp:.3f}")
