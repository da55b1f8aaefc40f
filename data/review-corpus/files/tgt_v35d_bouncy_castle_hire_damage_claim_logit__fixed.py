# label: leakage/none
"""Damage-claim risk for inflatable hire bookings.

Used at booking confirmation to decide whether to ask for a higher deposit or
send a supervisor with the delivery crew.
"""
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, classification_report, roc_auc_score
from sklearn.pipeline import Pipeline, make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

BOOKINGS = "exports/hire_bookings.csv"
RETURNS = "exports/return_inspections.csv"
SPLIT_DATE = "2024-05-01"

NUMERIC = [
    "hire_hours", "delivery_km", "booking_lead_days", "forecast_rain_mm",
    "forecast_wind_kmh", "expected_children", "customer_prior_hires",
    "unit_age_years",
]
CATEGORICAL = ["unit_type", "event_type", "surface", "payment_method"]
BINARY = ["indoor", "adult_supervisor_declared", "generator_hired"]


def load():
    bookings = pd.read_csv(BOOKINGS, parse_dates=["hire_date", "booked_on"])
    returns = pd.read_csv(RETURNS)
    df = bookings.merge(
        returns[["booking_id", "damage_claim"]],
        on="booking_id", how="inner",
    )
    df = df[df["status"] == "completed"].copy()
    df["booking_lead_days"] = (df["hire_date"] - df["booked_on"]).dt.days
    return df


def build_model():
    pre = ColumnTransformer([
        ("num", make_pipeline(SimpleImputer(strategy="median"), StandardScaler()), NUMERIC),
        ("cat", OneHotEncoder(handle_unknown="ignore"), CATEGORICAL),
        ("bin", "passthrough", BINARY),
    ])
    return Pipeline([
        ("pre", pre),
        ("clf", LogisticRegression(C=0.5, class_weight="balanced", max_iter=2000)),
    ])


def main():
    df = load()
    train = df[df["hire_date"] < SPLIT_DATE]
    test = df[df["hire_date"] >= SPLIT_DATE]
    print(f"train: {len(train)} hires, test: {len(test)} hires, "
          f"claim rate {df['damage_claim'].mean():.1%}")

    cols = NUMERIC + CATEGORICAL + BINARY
    model = build_model().fit(train[cols], train["damage_claim"])

    proba = model.predict_proba(test[cols])[:, 1]
    print(f"ROC AUC: {roc_auc_score(test['damage_claim'], proba):.3f}")
    print(f"PR AUC:  {average_precision_score(test['damage_claim'], proba):.3f}")
    print(classification_report(test["damage_claim"], (proba >= 0.5).astype(int), digits=3))

    names = model.named_steps["pre"].get_feature_names_out()
    coefs = pd.Series(model.named_steps["clf"].coef_[0], index=names)
    print(coefs.sort_values(key=abs, ascending=False).head(12).round(3))

    by_unit = test.assign(p=proba).groupby("unit_type")[["p", "damage_claim"]].mean()
    print(by_unit.round(3))


if __name__ == "__main__":
    main()
