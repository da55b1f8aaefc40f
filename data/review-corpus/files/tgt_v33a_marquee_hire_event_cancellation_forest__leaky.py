# label: leakage/target
"""Marquee hire: which confirmed bookings end up cancelled before the event?"""
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import RandomForestClassifier
from sklearn.impute import SimpleImputer
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder

CUTOFF = pd.Timestamp("2024-01-01")


class CancellationModel:
    categorical = ["event_type", "marquee_size", "flooring", "region", "lead_source", "venue_type"]
    numeric = [
        "guests", "quote_gbp", "discount_pct", "lead_time_days", "site_visits_pre_confirm",
        "quote_revisions", "deposit_paid_gbp", "balance_paid_gbp", "add_ons_at_confirm", "distance_miles",
    ]
    target = "cancelled"

    def __init__(self, n_estimators=500, min_samples_leaf=5, random_state=7):
        prep = ColumnTransformer([
            ("cat", OneHotEncoder(handle_unknown="ignore"), self.categorical),
            ("num", SimpleImputer(strategy="median"), self.numeric),
        ])
        forest = RandomForestClassifier(
            n_estimators=n_estimators,
            min_samples_leaf=min_samples_leaf,
            class_weight="balanced_subsample",
            n_jobs=-1,
            random_state=random_state,
        )
        self.pipeline = Pipeline([("prep", prep), ("forest", forest)])

    def fit(self, df):
        self.pipeline.fit(df[self.categorical + self.numeric], df[self.target])
        return self

    def predict_proba(self, df):
        return self.pipeline.predict_proba(df[self.categorical + self.numeric])[:, 1]

    def evaluate(self, df):
        p = self.predict_proba(df)
        y = df[self.target]
        return {
            "roc_auc": roc_auc_score(y, p),
            "pr_auc": average_precision_score(y, p),
            "brier": brier_score_loss(y, p),
            "base_rate": y.mean(),
        }


def load_bookings():
    bookings = pd.read_csv("sales/confirmed_bookings.csv", parse_dates=["confirmed_on", "event_date"])
    ledger = pd.read_csv("finance/booking_payments.csv")
    df = bookings.merge(ledger, on="booking_id", how="left")
    df = df[df["event_date"] < pd.Timestamp("2024-10-01")]
    df["lead_time_days"] = (df["event_date"] - df["confirmed_on"]).dt.days
    df["cancelled"] = (df["status"] == "cancelled").astype(int)
    return df


def main():
    df = load_bookings()
    # train on events already held by the cutoff, score bookings confirmed after it
    train = df[df["event_date"] < CUTOFF]
    test = df[df["confirmed_on"] >= CUTOFF]
    print(f"train {len(train)} bookings, test {len(test)} bookings")

    model = CancellationModel().fit(train)
    for name, value in model.evaluate(test).items():
        print(f"{name:>10s}: {value:.3f}")

    test = test.assign(risk=model.predict_proba(test))
    test["risk_band"] = pd.qcut(test["risk"], 5, labels=["very low", "low", "mid", "high", "very high"])
    print(test.groupby("risk_band", observed=True)["cancelled"].agg(["size", "mean"]).round(3))


if __name__ == "__main__":
    main()
