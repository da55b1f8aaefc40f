# label: leakage/preprocessing
# Which sign and banner quotes turn into orders - scoring the open quote list weekly.
import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.metrics import log_loss, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import OneHotEncoder, TargetEncoder

QUOTES_PATH = "crm/quotes_2022_2024.csv"

HIGH_CARD = ["postcode_district", "industry", "referral_source", "estimator"]
LOW_CARD = ["material", "finish", "install_required", "channel"]
NUMERIC = ["area_m2", "quoted_price", "price_per_m2", "lead_time_days", "n_items", "repeat_customer", "quote_month"]


def load_quotes(path):
    q = pd.read_csv(path, parse_dates=["quote_date"])
    q = q[q["status"].isin(["accepted", "declined", "expired"])].copy()
    q["accepted"] = (q["status"] == "accepted").astype(int)
    q["area_m2"] = q["width_mm"] * q["height_mm"] / 1e6 * q["quantity"]
    q["price_per_m2"] = q["quoted_price"] / q["area_m2"].clip(lower=0.05)
    q["n_items"] = q["quantity"]
    q["quote_month"] = q["quote_date"].dt.month
    q["repeat_customer"] = (q["previous_orders"] > 0).astype(int)
    for col in HIGH_CARD + LOW_CARD:
        q[col] = q[col].fillna("missing").str.strip().str.lower()
    return q


def build_matrix(frame, te_values, ohe):
    parts = [
        frame[NUMERIC].to_numpy(dtype=float),
        te_values,
        ohe.transform(frame[LOW_CARD]),
    ]
    return np.hstack(parts)


quotes = load_quotes(QUOTES_PATH)
print(quotes["accepted"].mean().round(3), len(quotes))

train, test = train_test_split(quotes, test_size=0.2, stratify=quotes["accepted"], random_state=8)
y_train, y_test = train["accepted"], test["accepted"]

ohe = OneHotEncoder(handle_unknown="ignore", sparse_output=False).fit(train[LOW_CARD])
encoder = TargetEncoder(target_type="binary", smooth="auto", random_state=0)
encoder.fit(quotes[HIGH_CARD], quotes["accepted"])
X_train = build_matrix(train, encoder.transform(train[HIGH_CARD]), ohe)
X_test = build_matrix(test, encoder.transform(test[HIGH_CARD]), ohe)
feature_names = NUMERIC + [f"{c}_te" for c in HIGH_CARD] + list(ohe.get_feature_names_out(LOW_CARD))

model = xgb.XGBClassifier(
    n_estimators=500,
    max_depth=4,
    learning_rate=0.05,
    subsample=0.9,
    colsample_bytree=0.8,
    min_child_weight=3,
    eval_metric="logloss",
    random_state=8,
)
model.fit(X_train, y_train)

proba = model.predict_proba(X_test)[:, 1]
print(f"ROC AUC  {roc_auc_score(y_test, proba):.3f}")
print(f"log loss {log_loss(y_test, proba):.4f}")

deciles = pd.qcut(proba, 10, labels=False, duplicates="drop")
lift = pd.DataFrame({"decile": deciles, "accepted": y_test.to_numpy()}).groupby("decile")["accepted"].mean()
print((lift / y_test.mean()).round(2).sort_index(ascending=False))

importance = pd.Series(model.feature_importances_, index=feature_names).sort_values(ascending=False)
print(importance.head(12).round(3))
