# label: leakage/none
"""Which interpreter bookings at the county courts end up cancelled on the day?

One booking can cover several languages (co-defendants); the scheduling team
wants a per-language probability so each interpreter can be warned separately.
"""
import joblib
import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.model_selection import GroupKFold, cross_validate
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OrdinalEncoder

BOOKINGS_CSV = "exports/interpreter_bookings.csv"
INTERPRETERS_CSV = "exports/interpreter_roster.csv"

CATEGORICAL = ["language", "hearing_type", "courthouse", "tier", "delivery_mode"]
NUMERIC = ["lead_time_days", "booked_minutes", "n_languages", "defendants",
           "prior_adjournments", "interpreter_years", "hour_of_day"]


class BookingTable:
    def __init__(self, bookings_path, roster_path):
        self.bookings = pd.read_csv(bookings_path, parse_dates=["booked_at", "hearing_start"])
        # one contracted interpreter per language and courthouse
        self.roster = pd.read_csv(roster_path).drop_duplicates(["language", "courthouse"], keep="last")

    def per_language(self):
        df = self.bookings.copy()
        df["language"] = df["languages"].str.lower().str.split(";")
        df["n_languages"] = df["language"].str.len()
        df = df.explode("language", ignore_index=True)
        df["language"] = df["language"].str.strip()
        df = df.merge(self.roster[["language", "courthouse", "tier", "interpreter_years"]],
                      on=["language", "courthouse"], how="left")
        df["lead_time_days"] = (df["hearing_start"] - df["booked_at"]).dt.total_seconds() / 86400
        df["hour_of_day"] = df["hearing_start"].dt.hour
        df["cancelled"] = df["status"].eq("CANCELLED_SAME_DAY").astype(int)
        return df


table = BookingTable(BOOKINGS_CSV, INTERPRETERS_CSV)
rows = table.per_language()
rows = rows[rows["hearing_start"] >= "2021-01-01"]
print(f"{rows['booking_id'].nunique()} bookings -> {len(rows)} language rows")
print("cancel rate:", round(rows["cancelled"].mean(), 3))

X = rows[CATEGORICAL + NUMERIC]
y = rows["cancelled"]

encode = ColumnTransformer(
    [("cat", OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=-1,
                            encoded_missing_value=-1), CATEGORICAL)],
    remainder="passthrough",
)
clf = HistGradientBoostingClassifier(
    learning_rate=0.06,
    max_iter=300,
    max_leaf_nodes=31,
    categorical_features=list(range(len(CATEGORICAL))),
    class_weight="balanced",
    random_state=0,
)
pipe = make_pipeline(encode, clf)

scoring = {
    "roc_auc": "roc_auc",
    "avg_precision": "average_precision",
}
cv = GroupKFold(n_splits=5)
res = cross_validate(pipe, X, y, cv=cv, groups=rows["booking_id"], scoring=scoring, return_train_score=False)

summary = pd.DataFrame({k.replace("test_", ""): v for k, v in res.items() if k.startswith("test_")})
print(summary.round(4))
print("mean ROC AUC  :", round(summary["roc_auc"].mean(), 4), "+/-", round(summary["roc_auc"].std(), 4))
print("mean avg prec.:", round(summary["avg_precision"].mean(), 4))

by_lang = rows.groupby("language").agg(n=("cancelled", "size"), rate=("cancelled", "mean"))
print(by_lang.sort_values("n", ascending=False).head(15))

pipe.fit(X, y)
joblib.dump({"model": pipe, "columns": CATEGORICAL + NUMERIC}, "models/interpreter_cancel.joblib")
print("saved model trained on", len(X), "rows")
