# label: leakage/none
"""First-year renewal at the hackspace.

One row per member at their first annual renewal. Door-swipe activity and tool
inductions are summarised per member and a LightGBM classifier estimates the
chance that the membership lapses.
"""
import lightgbm as lgb
import polars as pl
from sklearn.metrics import average_precision_score, classification_report, roc_auc_score
from sklearn.model_selection import train_test_split

WINDOW_DAYS = 180
PLANS = ["standard", "concession", "family", "keyholder"]
SOURCES = ["open_evening", "friend", "web", "workshop_course", "other"]

members = pl.read_csv("data/members_first_renewal.csv", try_parse_dates=True).with_columns(
    pl.col("plan").cast(pl.Enum(PLANS)),
    pl.col("referral_source").fill_null("other").cast(pl.Enum(SOURCES)),
    (~pl.col("renewed")).cast(pl.Int8).alias("lapsed"),
)
swipes = pl.read_parquet("data/door_swipes.parquet")
inductions = pl.read_csv("data/tool_inductions.csv", try_parse_dates=True)

due = members.select("member_id", "renewal_due")

activity = (
    swipes.join(due, on="member_id")
    .filter(
        (pl.col("swiped_at") >= pl.col("renewal_due") - pl.duration(days=WINDOW_DAYS))
        & (pl.col("swiped_at") < pl.col("renewal_due"))
    )
    .group_by("member_id")
    .agg(
        pl.len().alias("swipes"),
        pl.col("swiped_at").dt.date().n_unique().alias("active_days"),
        (pl.col("door") == "workshop").sum().alias("workshop_swipes"),
        (pl.col("swiped_at").dt.hour() >= 18).mean().alias("evening_share"),
        pl.col("swiped_at").max().alias("last_swipe"),
        pl.col("renewal_due").first(),
    )
    .with_columns(
        (pl.col("renewal_due") - pl.col("last_swipe")).dt.total_days().alias("days_since_last_swipe")
    )
    .drop("last_swipe", "renewal_due")
)

tool_counts = (
    inductions.join(due, on="member_id")
    .filter(pl.col("inducted_on") < pl.col("renewal_due"))
    .group_by("member_id")
    .agg(
        pl.col("tool").n_unique().alias("tools_inducted"),
        pl.col("tool").is_in(["laser_cutter", "cnc_router", "lathe"]).sum().alias("big_tool_inductions"),
    )
)

data = (
    members.join(activity, on="member_id", how="left")
    .join(tool_counts, on="member_id", how="left")
    .with_columns(
        pl.col("swipes", "active_days", "workshop_swipes", "tools_inducted", "big_tool_inductions").fill_null(0),
        pl.col("days_since_last_swipe").fill_null(WINDOW_DAYS),
        pl.col("evening_share").fill_null(0.0),
    )
)

FEATURES = [
    "plan", "referral_source", "age", "distance_km", "paid_monthly", "attended_induction_night",
    "swipes", "active_days", "workshop_swipes", "evening_share", "days_since_last_swipe",
    "tools_inducted", "big_tool_inductions",
]
df = data.select(FEATURES + ["lapsed"]).to_pandas()

X_train, X_test, y_train, y_test = train_test_split(
    df[FEATURES], df["lapsed"], test_size=0.25, stratify=df["lapsed"], random_state=30
)

clf = lgb.LGBMClassifier(
    n_estimators=400,
    learning_rate=0.03,
    num_leaves=15,
    min_child_samples=20,
    colsample_bytree=0.8,
    reg_lambda=1.0,
    random_state=30,
    verbose=-1,
)
clf.fit(X_train, y_train)
proba = clf.predict_proba(X_test)[:, 1]

print(f"members: {len(df)}  lapse rate: {df['lapsed'].mean():.3f}")
print(f"ROC AUC {roc_auc_score(y_test, proba):.4f}   PR AUC {average_precision_score(y_test, proba):.4f}")
print(classification_report(y_test, (proba >= 0.5).astype(int), digits=3))

importance = sorted(zip(clf.booster_.feature_importance("gain"), FEATURES), reverse=True)
for gain, name in importance:
    print(f"{name:26s} {gain:10.1f}")
