# label: leakage/none
# Missed-bin reports per street and collection day (all three waste streams).
# Crews get a morning list of streets most likely to generate a missed-bin
# report, so they can take extra care there.
import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.metrics import average_precision_score, roc_auc_score

col = pd.read_parquet("waste/street_collections_2022_2024.parquet")
streets = pd.read_csv("waste/street_gazetteer.csv")
weather = pd.read_csv("waste/daily_weather.csv", parse_dates=["date"])

col["collection_date"] = pd.to_datetime(col["collection_date"])
df = (col.merge(streets, on="street_usrn", how="left")
         .merge(weather, left_on="collection_date", right_on="date", how="left")
         .sort_values(["collection_date", "round_id", "street_usrn"])
         .reset_index(drop=True))

df["dow"] = df["collection_date"].dt.dayofweek
df["bank_holiday_week"] = df["bank_holiday_week"].fillna(0).astype(int)
df["props_per_100m"] = df["properties"] / (df["street_length_m"] / 100)


def prior_days_rate(frame, key):
    # missed share over the key's earlier collection days
    daily = (frame.groupby([key, "collection_date"])["any_missed"]
                  .agg(missed="sum", n="count")
                  .reset_index()
                  .sort_values([key, "collection_date"]))
    daily["prior_missed"] = daily.groupby(key)["missed"].cumsum() - daily["missed"]
    daily["prior_n"] = daily.groupby(key)["n"].cumsum() - daily["n"]
    daily["rate"] = daily["prior_missed"] / daily["prior_n"].replace(0, np.nan)
    out = frame[[key, "collection_date"]].merge(daily[[key, "collection_date", "rate"]],
                                                on=[key, "collection_date"], how="left")
    return out["rate"].to_numpy()


# how often a street / crew shows up in the missed-bin reports
df["street_miss_rate"] = prior_days_rate(df, "street_usrn")
df["crew_miss_rate"] = prior_days_rate(df, "crew_id")
df["street_collections"] = df.groupby("street_usrn").cumcount()

for c in ["stream", "vehicle_type", "round_id", "ward", "access_type"]:
    df[c] = df[c].astype("category")

features = [
    "stream", "vehicle_type", "round_id", "ward", "access_type", "dow", "bank_holiday_week",
    "properties", "props_per_100m", "on_street_parking_pct", "assisted_collections",
    "rain_mm", "min_temp_c", "round_stop_position", "days_since_round_change",
    "street_miss_rate", "crew_miss_rate", "street_collections",
]

cut = pd.Timestamp("2024-04-01")
train = df[df["collection_date"] < cut]
test = df[df["collection_date"] >= cut]

params = {
    "objective": "binary",
    "learning_rate": 0.05,
    "num_leaves": 63,
    "min_data_in_leaf": 200,
    "feature_fraction": 0.8,
    "bagging_fraction": 0.8,
    "bagging_freq": 1,
    "scale_pos_weight": 3.0,
    "verbose": -1,
}
dtrain = lgb.Dataset(train[features], label=train["any_missed"], categorical_feature="auto")
booster = lgb.train(params, dtrain, num_boost_round=500)

p = booster.predict(test[features])
print(f"AUC {roc_auc_score(test['any_missed'], p):.3f}   AP {average_precision_score(test['any_missed'], p):.3f}")

# share of reports caught if each crew gets its top 10 % of streets flagged
test = test.assign(score=p)
test["rank_in_round"] = test.groupby(["collection_date", "round_id"], observed=True)["score"].rank(pct=True, ascending=False)
flagged = test["rank_in_round"] <= 0.10
print(f"reports on flagged streets: {test.loc[flagged, 'any_missed'].sum() / test['any_missed'].sum():.1%}")
imp = pd.Series(booster.feature_importance("gain"), index=features).sort_values(ascending=False)
print(np.round(imp / imp.sum(), 3))
