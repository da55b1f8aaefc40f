# label: leakage/selection
"""Warranty claim risk for ride-on and walk-behind mowers.

Target: any engine/transmission claim within 12 months of sale.
Units sold before mid-2022 train the model, later sales are scored.
"""
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import HistGradientBoostingClassifier, RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

SALES_PATH = "data/mower_unit_sales.csv"
CLAIMS_PATH = "data/warranty_claims_12m.csv"

sales = pd.read_csv(SALES_PATH, parse_dates=["sale_date"])
claims = pd.read_csv(CLAIMS_PATH, usecols=["serial_no"])
sales["claim_12m"] = sales["serial_no"].isin(claims["serial_no"]).astype(int)

# only units with a full 12 months of cover observed
sales = sales[sales["sale_date"] < "2023-06-01"].copy()
sales["sale_month"] = sales["sale_date"].dt.month
sales["price_per_cm"] = sales["list_price"] / sales["deck_cm"]

CAT = ["model_line", "engine_family", "drive_type", "retailer_type", "region"]
NUM = ["deck_cm", "engine_cc", "list_price", "price_per_cm", "sale_month"]
FLAGS = ["extended_warranty", "registered_online", "commercial_buyer"]

cutoff = pd.Timestamp("2022-07-01")
train = sales[sales["sale_date"] < cutoff]
test = sales[sales["sale_date"] >= cutoff]
X_train, y_train = train[CAT + NUM + FLAGS], train["claim_12m"]
X_test, y_test = test[CAT + NUM + FLAGS], test["claim_12m"]
print(f"train {len(train):,} units ({y_train.mean():.2%} claims), "
      f"test {len(test):,} units ({y_test.mean():.2%} claims)")


def make_prep():
    return ColumnTransformer([
        ("cat", OneHotEncoder(handle_unknown="ignore", min_frequency=20), CAT),
        ("num", StandardScaler(), NUM),
        ("flags", "passthrough", FLAGS),
    ])


candidates = {
    "logit": LogisticRegression(C=0.5, max_iter=2000, class_weight="balanced"),
    "forest": RandomForestClassifier(n_estimators=400, min_samples_leaf=20,
                                     class_weight="balanced_subsample", n_jobs=-1,
                                     random_state=7),
    "hgb": HistGradientBoostingClassifier(learning_rate=0.05, max_leaf_nodes=31,
                                          l2_regularization=1.0, random_state=7),
}

results = {}
fitted = {}
for name, clf in candidates.items():
    pipe = Pipeline([("prep", make_prep()), ("clf", clf)])
    pipe.fit(X_train, y_train)
    p = pipe.predict_proba(X_test)[:, 1]
    results[name] = (roc_auc_score(y_test, p), average_precision_score(y_test, p))
    fitted[name] = pipe
    print(f"{name:>7}: AUC {results[name][0]:.3f}  AP {results[name][1]:.3f}")

best_name = max(results, key=lambda k: results[k][0])
best_model = fitted[best_name]
auc, ap = results[best_name]
print(f"\nchosen model: {best_name}")
print(f"2022-23 sales  ROC AUC = {auc:.3f}   average precision = {ap:.3f}")

# top-decile lift for the service team
scored = test.assign(risk=best_model.predict_proba(X_test)[:, 1])
top = scored.nlargest(len(scored) // 10, "risk")
print(f"claim rate in top decile: {top['claim_12m'].mean():.2%} "
      f"vs overall {scored['claim_12m'].mean():.2%}")
