# label: leakage/none
"""Cancellation model for mobile sauna trailer hires.

Bookings are taken online and by phone; a cancelled hire inside the two week
window usually leaves a trailer idle, so the ops team uses the score to decide
where to offer a standby slot.
"""
import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.metrics import average_precision_score, log_loss, roc_auc_score
from sklearn.preprocessing import OneHotEncoder

NUMERIC = [
    "lead_days", "hire_nights", "delivery_km", "party_size", "quoted_price_gbp",
    "deposit_pct", "previous_hires", "previous_cancellations", "enquiry_to_book_days",
]
CATEGORICAL = ["channel", "region", "heater_type", "event_type", "booking_month", "payment_method"]
TARGET = "cancelled"


class CancellationModel:
    def __init__(self, test_share=0.2, seed=31):
        self.test_share = test_share
        self.seed = seed
        self.pre = ColumnTransformer(
            [
                ("num", SimpleImputer(strategy="median"), NUMERIC),
                (
                    "cat",
                    OneHotEncoder(handle_unknown="infrequent_if_exist", min_frequency=25, sparse_output=False),
                    CATEGORICAL,
                ),
            ]
        )
        self.clf = lgb.LGBMClassifier(
            n_estimators=500,
            learning_rate=0.03,
            num_leaves=31,
            min_child_samples=40,
            colsample_bytree=0.8,
            reg_lambda=2.0,
            random_state=seed,
            verbose=-1,
        )

    def load(self, path):
        df = pd.read_csv(path, parse_dates=["booked_at", "hire_start"])
        df = df[df["hire_start"] < pd.Timestamp("2024-10-01")]
        df["booking_month"] = df["booked_at"].dt.month.astype(str)
        df["lead_days"] = (df["hire_start"] - df["booked_at"]).dt.days
        return df.sort_values("hire_start").reset_index(drop=True)

    def split(self, df):
        y_all = df[TARGET].to_numpy()
        cut = int(len(df) * (1 - self.test_share))
        X_train = self.pre.fit_transform(df[NUMERIC + CATEGORICAL].iloc[:cut])
        X_test = self.pre.transform(df[NUMERIC + CATEGORICAL].iloc[cut:])
        return X_train, X_test, y_all[:cut], y_all[cut:]

    def run(self, path):
        df = self.load(path)
        X_train, X_test, y_train, y_test = self.split(df)
        print(f"train {len(y_train)} ({y_train.mean():.1%} cancelled), test {len(y_test)} ({y_test.mean():.1%})")

        self.clf.fit(X_train, y_train)
        proba = self.clf.predict_proba(X_test)[:, 1]
        print(f"ROC AUC   {roc_auc_score(y_test, proba):.3f}")
        print(f"PR AUC    {average_precision_score(y_test, proba):.3f}")
        print(f"log loss  {log_loss(y_test, proba):.4f}")

        top = np.argsort(-proba)[: max(1, len(proba) // 10)]
        print(f"cancel rate in top decile: {y_test[top].mean():.1%}")

        names = self.pre.get_feature_names_out()
        imp = pd.Series(self.clf.feature_importances_, index=names)
        return imp.sort_values(ascending=False)


if __name__ == "__main__":
    importance = CancellationModel().run("data/sauna_trailer_bookings.csv")
    print(importance.head(15).to_string())
