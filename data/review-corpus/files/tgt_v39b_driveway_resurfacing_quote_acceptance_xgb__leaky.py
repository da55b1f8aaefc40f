# label: leakage/target
"""Which driveway resurfacing quotes get accepted?

CRM export of quotes issued after a site survey, joined with the supplier
order ledger. Used to prioritise follow-up calls on open quotes.
"""
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.metrics import roc_auc_score, average_precision_score, log_loss
from sklearn.model_selection import train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder
from xgboost import XGBClassifier


def load_quotes():
    quotes = pd.read_csv("driveway_quotes_2021_2024.csv",
                         parse_dates=["enquiry_date", "survey_date", "quote_sent_date"])
    quotes = quotes[quotes["status"].isin(["accepted", "declined", "expired"])]
    quotes["accepted"] = (quotes["status"] == "accepted").astype(int)

    quotes["days_enquiry_to_quote"] = (quotes["quote_sent_date"] - quotes["enquiry_date"]).dt.days
    quotes["price_per_m2"] = quotes["quote_value_gbp"] / quotes["area_m2"]
    quotes["quote_month"] = quotes["quote_sent_date"].dt.month

    orders = pd.read_csv("supplier_orders.csv")
    materials = orders.groupby("quote_id")["order_value_gbp"].sum().rename("materials_ordered_gbp")
    quotes = quotes.merge(materials, left_on="quote_id", right_index=True, how="left")
    quotes["materials_ordered_gbp"] = quotes["materials_ordered_gbp"].fillna(0.0)
    return quotes


CATEGORICAL = ["surface_type", "existing_surface", "lead_source", "property_type", "surveyor"]
NUMERIC = ["area_m2", "quote_value_gbp", "price_per_m2", "days_enquiry_to_quote",
           "quote_month", "edging_m", "drainage_channels", "dropped_kerb_needed",
           "n_photos_sent", "finance_offered", "repeat_customer", "materials_ordered_gbp"]


def main():
    quotes = load_quotes()
    X = quotes[CATEGORICAL + NUMERIC]
    y = quotes["accepted"]

    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=0.2, stratify=y, random_state=17)

    pre = ColumnTransformer([
        ("cat", OneHotEncoder(handle_unknown="ignore", min_frequency=10), CATEGORICAL),
    ], remainder="passthrough")
    clf = XGBClassifier(n_estimators=500, max_depth=4, learning_rate=0.05,
                        subsample=0.85, colsample_bytree=0.8, min_child_weight=3,
                        eval_metric="logloss", random_state=17)
    model = Pipeline([("pre", pre), ("xgb", clf)])
    model.fit(X_train, y_train)

    proba = model.predict_proba(X_test)[:, 1]
    print(f"acceptance rate (test): {y_test.mean():.3f}")
    print(f"ROC AUC  {roc_auc_score(y_test, proba):.3f}")
    print(f"PR AUC   {average_precision_score(y_test, proba):.3f}")
    print(f"log loss {log_loss(y_test, proba):.4f}")

    deciles = pd.qcut(proba, 10, labels=False, duplicates="drop")
    lift = pd.DataFrame({"decile": deciles, "accepted": y_test.to_numpy()})
    print(lift.groupby("decile")["accepted"].agg(["mean", "size"]).iloc[::-1])


if __name__ == "__main__":
    main()
