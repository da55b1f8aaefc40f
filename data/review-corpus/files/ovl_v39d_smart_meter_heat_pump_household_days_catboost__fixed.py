# label: leakage/none
"""Detect heat-pump homes from daily smart-meter load shapes.

Survey respondents told us whether they have an air- or ground-source heat pump.
Each row is one household-day of half-hourly consumption summarised into shape
features, joined with that day's outdoor temperature for the household's area.
"""
import pandas as pd
from catboost import CatBoostClassifier, Pool
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import GroupShuffleSplit

SHAPE_COLS = [
    "kwh_total", "kwh_night", "kwh_morning_peak", "kwh_evening_peak",
    "night_share", "baseload_kw", "peak_kw", "load_factor",
    "ramp_05_08", "flatness_index",
]
WEATHER_COLS = ["temp_mean_c", "temp_min_c", "heating_degree_days", "wind_speed_ms"]
HOUSE_COLS = ["property_type", "bedrooms", "tariff_type", "has_solar_pv", "has_ev"]
CAT_COLS = ["property_type", "tariff_type", "day_of_week"]


class HeatPumpDataset:
    def __init__(self, readings_path, survey_path, weather_path):
        self.readings_path = readings_path
        self.survey_path = survey_path
        self.weather_path = weather_path

    def build(self):
        days = pd.read_parquet(self.readings_path)
        survey = pd.read_csv(self.survey_path)
        weather = pd.read_csv(self.weather_path, parse_dates=["date"])

        days = days.merge(survey[["household_id", "outward_code", "has_heat_pump", *HOUSE_COLS]],
                          on="household_id", how="inner")
        days = days.merge(weather, on=["outward_code", "date"], how="left")

        # heating season only; summer days look the same for everyone
        days = days[days["date"].dt.month.isin([11, 12, 1, 2, 3])]
        days = days[days["kwh_total"] > 0.5]
        days["day_of_week"] = days["date"].dt.day_name()
        days["kwh_per_hdd"] = days["kwh_total"] / days["heating_degree_days"].clip(lower=1)
        return days.reset_index(drop=True)


def main():
    days = HeatPumpDataset(
        "meter/daily_shapes_winter.parquet", "survey/home_survey_2023.csv", "weather/daily_by_area.csv"
    ).build()
    features = SHAPE_COLS + WEATHER_COLS + HOUSE_COLS + ["day_of_week", "kwh_per_hdd"]
    print(f"{days['household_id'].nunique()} households, {len(days):,} household-days, "
          f"heat pump share {days.groupby('household_id')['has_heat_pump'].first().mean():.1%}")

    splitter = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=21)
    train_idx, test_idx = next(splitter.split(days, groups=days["household_id"]))
    train, test = days.iloc[train_idx], days.iloc[test_idx]

    train_pool = Pool(train[features], train["has_heat_pump"], cat_features=CAT_COLS)
    test_pool = Pool(test[features], test["has_heat_pump"], cat_features=CAT_COLS)

    model = CatBoostClassifier(
        iterations=1200, learning_rate=0.05, depth=6, l2_leaf_reg=5,
        auto_class_weights="Balanced", random_seed=21, verbose=200,
    )
    model.fit(train_pool)

    test = test.assign(p_heat_pump=model.predict_proba(test_pool)[:, 1])
    print(f"day-level ROC AUC: {roc_auc_score(test['has_heat_pump'], test['p_heat_pump']):.3f}")
    print(f"day-level PR AUC:  {average_precision_score(test['has_heat_pump'], test['p_heat_pump']):.3f}")

    homes = test.groupby("household_id").agg(
        has_heat_pump=("has_heat_pump", "first"), p_heat_pump=("p_heat_pump", "mean")
    )
    print(f"household ROC AUC: {roc_auc_score(homes['has_heat_pump'], homes['p_heat_pump']):.3f}")

    imp = pd.Series(model.get_feature_importance(train_pool), index=features).sort_values(ascending=False)
    print(imp.head(12).round(2).to_string())


if __name__ == "__main__":
    main()
