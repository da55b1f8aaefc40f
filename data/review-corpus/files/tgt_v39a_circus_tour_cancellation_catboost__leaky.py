# label: leakage/target
"""Show-level cancellation risk for a touring big-top circus.

Booking office wants a weekly list of upcoming performances at risk of
being called off (low sales, site problems, weather), scored from the
tour-planning database.
"""
import pandas as pd
from catboost import CatBoostClassifier, Pool
from sklearn.metrics import average_precision_score, classification_report, roc_auc_score


class CancellationModel:
    cat_cols = ["country", "region", "site_type", "weekday", "slot", "programme"]
    num_cols = [
        "capacity", "tickets_sold_d14", "sell_through_d14", "days_on_sale",
        "city_pop_k", "km_from_previous_stop", "shows_same_site",
        "ticket_price_eur", "forecast_wind_kmh", "forecast_precip_mm",
        "refund_requests", "school_holiday",
    ]

    def __init__(self, seed=17):
        self.seed = seed
        self.model = CatBoostClassifier(
            iterations=1500,
            learning_rate=0.04,
            depth=6,
            l2_leaf_reg=5,
            loss_function="Logloss",
            auto_class_weights="Balanced",
            random_seed=seed,
            verbose=300,
        )

    @property
    def features(self):
        return self.cat_cols + self.num_cols

    def prepare(self, shows):
        df = shows.copy()
        df["weekday"] = df["show_datetime"].dt.day_name()
        df["slot"] = pd.cut(df["show_datetime"].dt.hour, [0, 14, 17, 24],
                            labels=["matinee", "afternoon", "evening"]).astype(str)
        df["sell_through_d14"] = df["tickets_sold_d14"] / df["capacity"]
        df["days_on_sale"] = (df["show_datetime"] - df["on_sale_date"]).dt.days
        df[self.cat_cols] = df[self.cat_cols].fillna("unknown")
        return df

    def fit(self, df):
        pool = Pool(df[self.features], df["cancelled"], cat_features=self.cat_cols)
        self.model.fit(pool)
        return self

    def predict_proba(self, df):
        return self.model.predict_proba(Pool(df[self.features], cat_features=self.cat_cols))[:, 1]


shows = pd.read_csv("tour_db/performances_2012_2024.csv",
                    parse_dates=["show_datetime", "on_sale_date"])
shows = shows[shows["status"].isin(["performed", "cancelled"])]
shows = shows[~shows["show_datetime"].dt.year.isin([2020, 2021])]  # pandemic seasons
shows["cancelled"] = (shows["status"] == "cancelled").astype(int)

cm = CancellationModel()
data = cm.prepare(shows)
train = data[data["show_datetime"] < "2023-01-01"]
test = data[data["show_datetime"] >= "2023-01-01"]

cm.fit(train)
proba = cm.predict_proba(test)
pred = (proba >= 0.5).astype(int)

print(f"cancellation rate (test): {test['cancelled'].mean():.3%}")
print(f"ROC AUC: {roc_auc_score(test['cancelled'], proba):.4f}")
print(f"PR AUC : {average_precision_score(test['cancelled'], proba):.4f}")
print(classification_report(test["cancelled"], pred, target_names=["performed", "cancelled"]))

imp = pd.Series(cm.model.get_feature_importance(), index=cm.features).sort_values(ascending=False)
print(imp.head(10).round(2).to_string())
