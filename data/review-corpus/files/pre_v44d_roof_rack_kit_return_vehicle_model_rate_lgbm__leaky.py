# label: leakage/preprocessing
import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import train_test_split

ORDERS = "exports/roof_rack_orders_2021_2024.csv"
SMOOTHING = 20

NUMERIC = [
    "basket_value", "bar_length_mm", "kit_count", "load_rating_kg",
    "customer_prior_orders", "days_to_dispatch", "used_fit_finder",
    "vehicle_year", "accessories_in_basket",
]
CATEGORICAL = ["roof_type", "foot_pack", "channel", "carrier_type"]


def load_orders(path):
    df = pd.read_csv(path, parse_dates=["order_date"])
    df = df[df["order_status"] != "cancelled"].copy()
    df["vehicle_key"] = (
        df["vehicle_make"].str.strip().str.upper() + "|" + df["vehicle_model"].str.strip().str.upper()
    )
    df["vehicle_year"] = df["vehicle_year"].clip(1995, 2025)
    df["used_fit_finder"] = df["fit_finder_session_id"].notna().astype(int)
    for col in CATEGORICAL:
        df[col] = df[col].fillna("unknown").astype("category")
    return df


def vehicle_return_rate(frame, target="returned_within_30d"):
    prior = frame[target].mean()
    stats = frame.groupby("vehicle_key")[target].agg(["sum", "count"])
    return (stats["sum"] + SMOOTHING * prior) / (stats["count"] + SMOOTHING), prior


def main():
    orders = load_orders(ORDERS)
    print(f"{len(orders)} orders, return rate {orders['returned_within_30d'].mean():.2%}")

    rates, prior = vehicle_return_rate(orders)
    orders["vehicle_return_rate"] = orders["vehicle_key"].map(rates).fillna(prior)

    train, test = train_test_split(
        orders, test_size=0.2, stratify=orders["returned_within_30d"], random_state=8
    )

    features = NUMERIC + CATEGORICAL + ["vehicle_return_rate"]
    model = lgb.LGBMClassifier(
        n_estimators=800,
        learning_rate=0.03,
        num_leaves=48,
        min_child_samples=40,
        colsample_bytree=0.8,
        reg_lambda=1.0,
        random_state=8,
        verbose=-1,
    )
    model.fit(train[features], train["returned_within_30d"])

    proba = model.predict_proba(test[features])[:, 1]
    y = test["returned_within_30d"].to_numpy()
    print(f"ROC AUC {roc_auc_score(y, proba):.3f}")
    print(f"PR AUC  {average_precision_score(y, proba):.3f} (base rate {y.mean():.3f})")

    # how concentrated the returns are in the riskiest decile of orders
    top = proba >= np.quantile(proba, 0.9)
    print(f"top decile captures {y[top].sum() / y.sum():.1%} of returns")

    imp = pd.Series(model.booster_.feature_importance("gain"), index=features)
    print(imp.sort_values(ascending=False).head(10).round(1))


if __name__ == "__main__":
    main()
