# label: leakage/none
"""Botrytis blight risk from weekly blueberry block scouting.

Scouts walk every block once a week from bloom to the last pick and record
bush and fruit observations; a nearby weather station supplies the weekly
summaries. The label says whether botrytis was found at the next visit.
"""
import pandas as pd
import xgboost as xgb
from sklearn.metrics import f1_score, roc_auc_score
from sklearn.model_selection import GroupShuffleSplit

SCOUTING = "scouting/weekly_block_visits.csv"
BLOCKS = "scouting/block_register.csv"
WEATHER = "weather/station_weekly.csv"

BLOCK_COLS = [
    "elevation_m", "slope_deg", "row_azimuth_deg", "bush_age_years",
    "under_tunnel", "drip_irrigated", "soil_organic_pct",
]
VISIT_COLS = [
    "days_since_bloom", "canopy_density_score", "pruned_open_centre",
    "cluster_tightness_score", "fruit_split_pct", "leaf_spot_score",
    "days_since_fungicide", "ripe_fruit_pct",
]
WEATHER_COLS = [
    "rain_mm", "rain_days", "leaf_wetness_hours", "mean_rh_pct",
    "mean_temp_c", "max_temp_c",
]
FEATURES = BLOCK_COLS + VISIT_COLS + WEATHER_COLS


def build_table():
    visits = pd.read_csv(SCOUTING, parse_dates=["visit_date"])
    blocks = pd.read_csv(BLOCKS)
    weather = pd.read_csv(WEATHER, parse_dates=["week_start"])

    visits = visits.sort_values(["block_id", "visit_date"])
    visits["botrytis_next_visit"] = (
        visits.groupby(["block_id", "season"])["botrytis_found"].shift(-1)
    )
    visits = visits.dropna(subset=["botrytis_next_visit"])
    # station summary for the last full week before the visit
    last_week = visits["visit_date"] - pd.Timedelta(days=7)
    visits["week_start"] = last_week.dt.to_period("W-SUN").dt.start_time

    table = (
        visits.merge(blocks, on="block_id", how="left")
        .merge(weather, on=["station_id", "week_start"], how="left")
    )
    table["botrytis_next_visit"] = table["botrytis_next_visit"].astype(int)
    return table


def main():
    table = build_table()
    print(f"{len(table)} visits across {table['block_id'].nunique()} blocks, "
          f"{table['season'].nunique()} seasons")
    print(f"positive rate: {table['botrytis_next_visit'].mean():.3f}")

    splitter = GroupShuffleSplit(n_splits=1, test_size=0.25, random_state=21)
    train_idx, test_idx = next(splitter.split(table, groups=table["block_id"]))
    train, test = table.iloc[train_idx], table.iloc[test_idx]

    model = xgb.XGBClassifier(
        n_estimators=500,
        max_depth=5,
        learning_rate=0.05,
        subsample=0.85,
        colsample_bytree=0.8,
        min_child_weight=3,
        eval_metric="logloss",
        random_state=21,
    )
    model.fit(train[FEATURES], train["botrytis_next_visit"])

    proba = model.predict_proba(test[FEATURES])[:, 1]
    pred = (proba >= 0.5).astype(int)
    print(f"test ROC AUC: {roc_auc_score(test['botrytis_next_visit'], proba):.4f}")
    print(f"test F1:      {f1_score(test['botrytis_next_visit'], pred):.4f}")

    by_variety = (
        test.assign(proba=proba)
        .groupby("cultivar")
        .agg(visits=("proba", "size"),
             observed=("botrytis_next_visit", "mean"),
             predicted=("proba", "mean"))
        .round(3)
    )
    print(by_variety.to_string())

    gain = pd.Series(model.feature_importances_, index=FEATURES)
    print(gain.sort_values(ascending=False).head(10).round(3).to_string())


if __name__ == "__main__":
    main()
