# label: leakage/none
"""Predict whether a community tool-library loan will come back after its due date."""
import numpy as np
import polars as pl
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score, brier_score_loss
from sklearn.preprocessing import OneHotEncoder, StandardScaler

loans = pl.read_csv("tool_loans.csv", try_parse_dates=True)
members = pl.read_csv("members.csv", try_parse_dates=True)
tools = pl.read_csv("tool_inventory.csv")

df = (
    loans.join(members, on="member_id", how="left")
         .join(tools.select(["tool_id", "category", "replacement_value"]), on="tool_id", how="left")
         .filter(pl.col("returned_on").is_not_null())
         .with_columns(
             (pl.col("returned_on") > pl.col("due_on")).cast(pl.Int8).alias("late"),
             (pl.col("due_on") - pl.col("checked_out_on")).dt.total_days().alias("loan_days"),
             (pl.col("checked_out_on") - pl.col("joined_on")).dt.total_days().alias("tenure_days"),
             pl.col("checked_out_on").dt.weekday().alias("weekday"),
             pl.col("checked_out_on").dt.month().alias("month"),
         )
         .sort("checked_out_on")
)

# how reliable each member has been on loans already back before this checkout
history = (
    df.select(["loan_id", "member_id", "checked_out_on"])
      .join(df.select(["member_id", pl.col("returned_on").alias("prev_returned_on"),
                       pl.col("late").alias("prev_late")]), on="member_id", how="inner")
      .filter(pl.col("prev_returned_on") < pl.col("checked_out_on"))
      .group_by("loan_id")
      .agg(pl.col("prev_late").mean().alias("member_late_rate"),
           pl.len().alias("member_loans"))
)
df = df.join(history, on="loan_id", how="left").with_columns(
    pl.col("member_late_rate").fill_null(0.0),
    pl.col("member_loans").fill_null(0),
)

df = df.with_columns(
    pl.col("replacement_value").log1p().alias("log_value"),
    pl.col("deposit_paid").fill_null(0),
)

numeric = ["loan_days", "tenure_days", "log_value", "deposit_paid",
           "member_late_rate", "member_loans", "month"]
categorical = ["category", "weekday", "membership_tier"]

train = df.filter(pl.col("checked_out_on") < pl.date(2024, 1, 1))
test = df.filter(pl.col("checked_out_on") >= pl.date(2024, 1, 1))

scaler = StandardScaler().fit(train.select(numeric).to_numpy())
encoder = OneHotEncoder(handle_unknown="ignore", sparse_output=False).fit(
    train.select(categorical).to_numpy())


def design(part):
    return np.hstack([scaler.transform(part.select(numeric).to_numpy()),
                      encoder.transform(part.select(categorical).to_numpy())])


clf = LogisticRegression(C=1.0, max_iter=3000, class_weight="balanced")
clf.fit(design(train), train["late"].to_numpy())

proba = clf.predict_proba(design(test))[:, 1]
y_test = test["late"].to_numpy()
print(f"2024 loans: {len(y_test)}, late share {y_test.mean():.3f}")
print(f"ROC AUC: {roc_auc_score(y_test, proba):.3f}")
print(f"Brier  : {brier_score_loss(y_test, proba):.4f}")
