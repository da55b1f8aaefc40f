# label: leakage/selection
# Brass workshop: flag repair quotes the customer is likely to turn down,
# so the front desk can phone them with a cheaper option first.
import numpy as np
import pandas as pd
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import (
    average_precision_score,
    f1_score,
    precision_score,
    recall_score,
    roc_auc_score,
)
from sklearn.model_selection import train_test_split

quotes = pd.read_csv("exports/repair_quotes_2019_2024.csv", parse_dates=["quote_date"])
quotes = quotes[quotes["status"].isin(["accepted", "declined"])].copy()
quotes["declined"] = (quotes["status"] == "declined").astype(int)

quotes["instrument_age_years"] = quotes["quote_date"].dt.year - quotes["year_made"]
quotes["quote_per_item"] = quotes["quote_gbp"] / quotes["line_items"].clip(lower=1)
quotes["quote_vs_list"] = quotes["quote_gbp"] / quotes["est_resale_gbp"].replace(0, np.nan)

CATEGORICAL = ["instrument", "customer_type", "channel", "finish"]
NUMERIC = [
    "instrument_age_years", "quote_gbp", "quote_per_item", "quote_vs_list",
    "line_items", "dent_count", "valve_work", "slide_work", "relacquer",
    "est_turnaround_days", "previous_jobs", "distance_km",
]
for col in CATEGORICAL:
    quotes[col] = quotes[col].astype("category")

X = quotes[CATEGORICAL + NUMERIC]
y = quotes["declined"]
print(f"{len(quotes)} quotes, decline rate {y.mean():.1%}")

X_train, X_test, y_train, y_test = train_test_split(
    X, y, test_size=0.25, stratify=y, random_state=11
)

clf = HistGradientBoostingClassifier(
    learning_rate=0.05,
    max_iter=400,
    max_leaf_nodes=24,
    l2_regularization=0.5,
    categorical_features="from_dtype",
    random_state=11,
)
clf.fit(X_train, y_train)
proba_test = clf.predict_proba(X_test)[:, 1]

# Pick the call-list cut-off that gives the best F1
grid = np.linspace(0.05, 0.95, 91)
f1s = [f1_score(y_test, (proba_test >= t).astype(int)) for t in grid]
threshold = float(grid[int(np.argmax(f1s))])

flagged = (proba_test >= threshold).astype(int)
print(f"cut-off          {threshold:.2f}")
print(f"ROC AUC          {roc_auc_score(y_test, proba_test):.3f}")
print(f"avg precision    {average_precision_score(y_test, proba_test):.3f}")
print(f"F1               {f1_score(y_test, flagged):.3f}")
print(f"precision        {precision_score(y_test, flagged):.3f}")
print(f"recall           {recall_score(y_test, flagged):.3f}")
print(f"quotes to phone  {flagged.mean():.1%} of intake")

by_instrument = (
    pd.DataFrame({"instrument": X_test["instrument"], "y": y_test, "flag": flagged})
    .groupby("instrument", observed=True)
    .agg(quotes=("y", "size"), declined=("y", "mean"), flagged=("flag", "mean"))
)
print(by_instrument.round(2).to_string())
