# label: leakage/none
"""Predict which new players of a puzzle mobile game make a first purchase between day 8 and day 30 after install."""
import lightgbm as lgb
import polars as pl
from sklearn.metrics import average_precision_score, roc_auc_score

OBS_DAYS = 7           # days of activity summarised per player
LABEL_START, LABEL_END = 8, 30

installs = pl.read_parquet("game_installs.parquet")      # player_id, install_ts, country, device_tier, channel
events = pl.read_parquet("game_events.parquet")          # player_id, event_ts, event, value

events = (events.join(installs.select("player_id", "install_ts"), on="player_id", how="inner")
          .with_columns(((pl.col("event_ts") - pl.col("install_ts")).dt.total_hours() / 24)
                        .floor().cast(pl.Int32).alias("day")))

first_buy = (events.filter(pl.col("event") == "purchase")
             .group_by("player_id").agg(pl.col("day").min().alias("first_buy_day")))

window = events.filter(pl.col("day") <= OBS_DAYS)
activity = window.group_by("player_id").agg(
    pl.col("day").n_unique().alias("active_days"),
    (pl.col("event") == "session_start").sum().alias("sessions"),
    (pl.col("event") == "level_complete").sum().alias("levels_done"),
    (pl.col("event") == "level_fail").sum().alias("levels_failed"),
    (pl.col("event") == "shop_open").sum().alias("shop_opens"),
    (pl.col("event") == "booster_used").sum().alias("boosters_used"),
    pl.col("value").filter(pl.col("event") == "coins_spent").sum().alias("coins_spent"),
    pl.col("day").max().alias("last_active_day"),
)

players = (installs.join(activity, on="player_id", how="left")
           .join(first_buy, on="player_id", how="left")
           .filter(pl.col("first_buy_day").is_null() | (pl.col("first_buy_day") >= LABEL_START))
           .with_columns(
               pl.col("first_buy_day").is_between(LABEL_START, LABEL_END).fill_null(False)
                 .cast(pl.Int8).alias("buyer"),
               (pl.col("levels_failed") / (pl.col("levels_done") + pl.col("levels_failed") + 1))
                 .alias("fail_rate"),
           )
           .fill_null(0))

cat_cols = ["country", "device_tier", "channel"]
num_cols = ["active_days", "sessions", "levels_done", "levels_failed", "fail_rate",
            "shop_opens", "boosters_used", "coins_spent", "last_active_day"]
pdf = players.to_pandas()
for c in cat_cols:
    pdf[c] = pdf[c].astype("category")

split_ts = pdf["install_ts"].quantile(0.8)
train = pdf[pdf["install_ts"] < split_ts]
test = pdf[pdf["install_ts"] >= split_ts]
print(f"train {len(train)}, test {len(test)}, buyer rate {train['buyer'].mean():.3%}")

clf = lgb.LGBMClassifier(n_estimators=500, learning_rate=0.03, num_leaves=63,
                         min_child_samples=50, colsample_bytree=0.7,
                         scale_pos_weight=5.0, random_state=1, verbose=-1)
clf.fit(train[cat_cols + num_cols], train["buyer"], categorical_feature=cat_cols)

proba = clf.predict_proba(test[cat_cols + num_cols])[:, 1]
print(f"ROC AUC {roc_auc_score(test['buyer'], proba):.3f}")
print(f"PR AUC  {average_precision_score(test['buyer'], proba):.3f}")
top_decile = test.assign(p=proba).nlargest(len(test) // 10, "p")
print(f"buyer rate in top decile: {top_decile['buyer'].mean():.3%}")
