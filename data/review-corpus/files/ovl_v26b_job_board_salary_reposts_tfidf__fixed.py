# label: leakage/none
"""Estimate the advertised salary midpoint of job postings from their text and metadata."""
import hashlib
import re

import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import Ridge
from sklearn.metrics import mean_absolute_error, r2_score
from sklearn.model_selection import GroupShuffleSplit
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder

BOARDS = ["board_a_postings.csv", "board_b_postings.csv", "agency_feed_postings.csv"]


def normalise(text):
    text = str(text).lower()
    text = re.sub(r"https?://\S+|\S+@\S+", " ", text)
    text = re.sub(r"[^a-z0-9+#. ]+", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def salary_midpoint(row):
    lo, hi = row["salary_min"], row["salary_max"]
    if pd.isna(hi):
        hi = lo
    mid = (lo + hi) / 2
    factor = {"year": 1, "month": 12, "day": 225, "hour": 1800}.get(row["salary_period"], np.nan)
    return mid * factor


frames = []
for path in BOARDS:
    part = pd.read_csv(path, parse_dates=["posted_on"])
    part["board"] = path.split("_postings")[0]
    frames.append(part)
jobs = pd.concat(frames, ignore_index=True)
jobs = jobs.drop_duplicates(subset=["board", "posting_id"])

jobs = jobs.dropna(subset=["salary_min", "title", "description"])
jobs["annual_mid"] = jobs.apply(salary_midpoint, axis=1)
jobs = jobs[jobs["annual_mid"].between(12_000, 400_000)].copy()
jobs["log_salary"] = np.log(jobs["annual_mid"])

jobs["text"] = (jobs["title"].map(normalise) + " " + jobs["title"].map(normalise) + " "
                + jobs["description"].map(normalise))
# the same vacancy is often reposted or syndicated across boards with small edits
jobs["vacancy_key"] = (
    jobs["company"].fillna("").map(normalise) + "|" + jobs["title"].map(normalise) + "|"
    + jobs["description"].map(normalise).str[:300]
).map(lambda s: hashlib.md5(s.encode()).hexdigest())
jobs["region"] = jobs["region"].fillna("unknown")
jobs["contract_type"] = jobs["contract_type"].fillna("permanent").str.lower()
jobs["remote"] = jobs["description"].str.contains(r"\bremote\b", case=False).astype(int)
jobs["desc_words"] = jobs["description"].str.split().str.len().clip(upper=2000)

X = jobs[["text", "region", "contract_type", "board", "remote", "desc_words"]]
y = jobs["log_salary"].to_numpy()
splitter = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=4)
train_idx, test_idx = next(splitter.split(X, y, groups=jobs["vacancy_key"]))
X_train, X_test = X.iloc[train_idx], X.iloc[test_idx]
y_train, y_test = y[train_idx], y[test_idx]
print(f"{len(jobs)} postings; train {len(X_train)}, test {len(X_test)}")

prep = ColumnTransformer([
    ("text", TfidfVectorizer(ngram_range=(1, 2), min_df=3, max_features=80_000,
                             sublinear_tf=True), "text"),
    ("cat", OneHotEncoder(handle_unknown="ignore"), ["region", "contract_type", "board"]),
    ("num", "passthrough", ["remote"]),
])
model = Pipeline([("prep", prep), ("ridge", Ridge(alpha=2.0))])
model.fit(X_train, y_train)

pred = model.predict(X_test)
print(f"R^2 (log salary): {r2_score(y_test, pred):.3f}")
print(f"MAE: {mean_absolute_error(np.exp(y_test), np.exp(pred)):,.0f} per year")
within_10 = np.mean(np.abs(np.exp(pred) / np.exp(y_test) - 1) <= 0.10)
print(f"share within 10%: {within_10:.3f}")
