# label: leakage/none
"""Flag skip bookings likely to come back over the weight allowance.

Scored when the booking is taken so the office can quote the heavy-waste
rate up front instead of invoicing an overweight surcharge afterwards.
"""
import pandas as pd
from catboost import CatBoostClassifier, Pool
from sklearn.metrics import average_precision_score, roc_auc_score, precision_recall_curve

BOOKINGS = "crm/skip_bookings_2021_2024.csv"

CATEGORICAL = ["skip_size", "declared_waste", "customer_type", "postcode_district",
               "placement", "booking_channel", "depot"]
NUMERIC = ["hire_days_booked", "customer_prior_bookings",
           "allowance_tonnes", "quoted_price_gbp", "lead_time_days"]


class SurchargeModel:
    def __init__(self, iterations=900, depth=6, learning_rate=0.04):
        self.model = CatBoostClassifier(
            iterations=iterations,
            depth=depth,
            learning_rate=learning_rate,
            loss_function="Logloss",
            auto_class_weights="Balanced",
            random_seed=8,
            verbose=200,
        )

    def _pool(self, df, with_label=True):
        label = df["overweight_surcharge"] if with_label else None
        return Pool(df[CATEGORICAL + NUMERIC], label=label, cat_features=CATEGORICAL)

    def fit(self, df):
        self.model.fit(self._pool(df))
        return self

    def predict_proba(self, df):
        return self.model.predict_proba(self._pool(df, with_label=False))[:, 1]

    def importances(self):
        return pd.Series(self.model.get_feature_importance(), index=CATEGORICAL + NUMERIC).sort_values(ascending=False)


def load_bookings():
    df = pd.read_csv(BOOKINGS, parse_dates=["booked_at", "delivery_date", "planned_collection_date", "collected_at"])
    # repeat customers: earlier bookings on the account, cancelled ones included
    df = df.sort_values("booked_at").reset_index(drop=True)
    df["customer_prior_bookings"] = df.groupby("customer_id").cumcount()
    df = df[df["status"] == "collected"].sort_values("booked_at").reset_index(drop=True)

    df["overweight_surcharge"] = (df["surcharge_gbp"] > 0).astype(int)
    df["hire_days_booked"] = (df["planned_collection_date"] - df["delivery_date"]).dt.days.clip(lower=1)
    df["lead_time_days"] = (df["delivery_date"] - df["booked_at"]).dt.days.clip(lower=0)
    df["placement"] = df["on_road_permit"].map({1: "road", 0: "driveway"})
    for col in CATEGORICAL:
        df[col] = df[col].fillna("unknown").astype(str)
    return df


def main():
    df = load_bookings()
    cutoff = df["booked_at"].quantile(0.8)
    # only bookings already collected (and so invoiced) by the cutoff go into training
    train, test = df[df["collected_at"] < cutoff], df[df["booked_at"] >= cutoff]
    print(f"train {len(train)} bookings, test {len(test)} from {cutoff:%Y-%m-%d}; "
          f"surcharge rate {df['overweight_surcharge'].mean():.1%}")

    clf = SurchargeModel().fit(train)
    proba = clf.predict_proba(test)

    y = test["overweight_surcharge"]
    print(f"ROC AUC {roc_auc_score(y, proba):.3f}")
    print(f"PR AUC  {average_precision_score(y, proba):.3f}")

    prec, rec, thr = precision_recall_curve(y, proba)
    for target_recall in (0.5, 0.7, 0.9):
        i = (rec >= target_recall).nonzero()[0][-1]
        print(f"recall {rec[i]:.2f}: precision {prec[i]:.2f}")

    print(clf.importances().head(10).round(2))


if __name__ == "__main__":
    main()
