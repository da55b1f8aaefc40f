# label: leakage/none
"""Predict whether an independent bookshop's author event sells out from pre-event booking signals."""
import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import log_loss, roc_auc_score
from sklearn.model_selection import train_test_split

events = pd.read_csv("author_events.csv", parse_dates=["event_date", "announced_date"])
authors = pd.read_csv("author_profiles.csv")
df = events.merge(authors, on="author_id", how="left")
df = df[df["status"] != "cancelled"].copy()

df["lead_days"] = (df["event_date"] - df["announced_date"]).dt.days
df["weekend"] = (df["event_date"].dt.dayofweek >= 5).astype(int)
df["ticket_price"] = df["ticket_price"].fillna(0)
df["first_week_share"] = df["tickets_first_week"] / df["capacity"]
df["follower_k"] = df["social_followers"].fillna(0) / 1000

binned = ["lead_days", "ticket_price", "first_week_share", "follower_k", "capacity"]
y = df["sold_out"].astype(int)
train_df, test_df, y_train, y_test = train_test_split(
    df, y, test_size=0.25, stratify=y, random_state=9
)
train_df, test_df = train_df.copy(), test_df.copy()
for col in binned:
    _, edges = pd.qcut(train_df[col], q=5, retbins=True, duplicates="drop")
    edges[0], edges[-1] = -np.inf, np.inf
    train_df[col + "_bin"] = pd.cut(train_df[col], bins=edges, labels=False)
    test_df[col + "_bin"] = pd.cut(test_df[col], bins=edges, labels=False)


def design(part):
    out = pd.get_dummies(part[[c + "_bin" for c in binned]].astype(str), dtype=float)
    out["weekend"] = part["weekend"].values
    out["debut_book"] = part["debut_book"].astype(int).values
    out["with_signing"] = part["with_signing"].astype(int).values
    return out


X_train = design(train_df)
X_test = design(test_df).reindex(columns=X_train.columns, fill_value=0.0)

clf = LogisticRegression(C=0.5, max_iter=1000)
clf.fit(X_train, y_train)
p = clf.predict_proba(X_test)[:, 1]

print(f"events: {len(df)}  sell-out rate: {y.mean():.2f}")
print(f"test ROC AUC: {roc_auc_score(y_test, p):.4f}")
print(f"test log loss: {log_loss(y_test, p):.4f}")
coef = pd.Series(clf.coef_[0], index=X_train.columns).sort_values()
print(coef.tail(8).round(3))
