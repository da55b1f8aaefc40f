# label: leakage/target
"""Which lift breakdowns in the housing association's blocks will last over 48 hours?

Scored when the breakdown is logged by the contact centre so that residents
with mobility needs can be contacted and stair-climber support booked.
Data: CMMS ticket export joined with the lift asset register.
"""
import pandas as pd
from catboost import CatBoostClassifier, Pool
from sklearn.metrics import average_precision_score, classification_report, roc_auc_score

TICKETS_PATH = "cmms/lift_tickets_2018_2024.csv"
ASSETS_PATH = "assets/lift_register.csv"
CUTOFF = "2023-04-01"

CAT_FEATURES = ["lift_make", "drive_type", "contractor", "fault_code_reported", "block_type"]
NUM_FEATURES = [
    "lift_age_years",
    "floors_served",
    "days_since_service",
    "callouts_prev_12m",
    "reported_hour",
    "reported_weekend",
    "residents_registered_mobility",
    "engineer_visits",
]


def load_tickets():
    tickets = pd.read_csv(TICKETS_PATH, parse_dates=["reported_at", "restored_at", "prev_service_date"])
    assets = pd.read_csv(ASSETS_PATH, parse_dates=["install_date"])
    df = tickets.merge(assets, on="lift_id", how="left")

    df = df[df["ticket_type"] == "breakdown"].dropna(subset=["restored_at"])
    outage_h = (df["restored_at"] - df["reported_at"]).dt.total_seconds() / 3600
    df["long_outage"] = (outage_h > 48).astype(int)

    df["lift_age_years"] = (df["reported_at"] - df["install_date"]).dt.days / 365.25
    df["days_since_service"] = (df["reported_at"] - df["prev_service_date"]).dt.days
    df["reported_hour"] = df["reported_at"].dt.hour
    df["reported_weekend"] = (df["reported_at"].dt.dayofweek >= 5).astype(int)
    df["fault_code_reported"] = df["fault_code_reported"].fillna("unknown")
    df["contractor"] = df["contractor"].fillna("in_house")
    return df.sort_values("reported_at").reset_index(drop=True)


def main():
    df = load_tickets()
    print(f"{len(df)} breakdowns, {df['long_outage'].mean():.1%} over 48h")

    features = CAT_FEATURES + NUM_FEATURES
    # 48h outcome is settled two days after the report
    train = df[df["reported_at"] < pd.Timestamp(CUTOFF) - pd.Timedelta(days=2)]
    test = df[df["reported_at"] >= CUTOFF]

    train_pool = Pool(train[features], train["long_outage"], cat_features=CAT_FEATURES)
    test_pool = Pool(test[features], test["long_outage"], cat_features=CAT_FEATURES)

    model = CatBoostClassifier(
        iterations=1200,
        depth=6,
        learning_rate=0.04,
        l2_leaf_reg=5,
        auto_class_weights="Balanced",
        random_seed=17,
        verbose=200,
    )
    model.fit(train_pool)

    proba = model.predict_proba(test_pool)[:, 1]
    print(f"Test ROC-AUC {roc_auc_score(test['long_outage'], proba):.3f}")
    print(f"Test PR-AUC  {average_precision_score(test['long_outage'], proba):.3f}")
    print(classification_report(test["long_outage"], (proba >= 0.5).astype(int), digits=3))

    imp = model.get_feature_importance(prettified=True)
    print(imp.head(10))


if __name__ == "__main__":
    main()
