# label: leakage/none
# twin: tgt_r17b_journal_manuscript_author_rate__leaky.py
# source: hand-written for ai-ci, round 17 tuning probes (Apache-2.0)
import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.preprocessing import OneHotEncoder, StandardScaler
from sklearn.pipeline import Pipeline
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score, classification_report

SUBMISSIONS = "exports/editorial_submissions.csv"
AUTHORS = "exports/corresponding_authors.csv"
CUTOFF = "2022-07-01"


class AuthorHistory:
    """Per-author track record features for the editorial triage model."""

    def __init__(self, author_col="author_id", date_col="submitted_at"):
        self.author_col = author_col
        self.date_col = date_col

    def add(self, df):
        df = df.sort_values([self.author_col, self.date_col]).copy()
        grp = df.groupby(self.author_col)
        df["author_n_prev"] = grp.cumcount()
        df["author_accept_rate"] = grp["accepted"].transform(
            lambda s: s.shift(1).expanding().mean()
        )
        df["author_mean_pages"] = grp["n_pages"].transform(
            lambda s: s.shift(1).expanding().mean()
        )
        df["author_accept_rate"] = df["author_accept_rate"].fillna(0.0)
        df["author_mean_pages"] = df["author_mean_pages"].fillna(df["n_pages"])
        return df


def load():
    subs = pd.read_csv(SUBMISSIONS, parse_dates=["submitted_at"])
    authors = pd.read_csv(AUTHORS)
    subs = subs.merge(authors[["author_id", "h_index", "country", "career_years"]],
                      on="author_id", how="left")
    subs["accepted"] = subs["final_decision"].isin(["accept", "minor_revision_accept"]).astype(int)
    subs["n_refs_per_page"] = subs["n_references"] / subs["n_pages"].clip(lower=1)
    subs["title_len"] = subs["title"].str.split().str.len()
    return subs


df = AuthorHistory().add(load())

num_cols = ["n_pages", "n_references", "n_refs_per_page", "n_figures", "title_len",
            "n_coauthors", "h_index", "career_years",
            "author_n_prev", "author_accept_rate", "author_mean_pages"]
cat_cols = ["section", "article_type", "country"]

train = df[df["submitted_at"] < CUTOFF]
test = df[df["submitted_at"] >= CUTOFF]
print("train", train.shape, "test", test.shape)
print("acceptance rate train/test:", train["accepted"].mean().round(3), test["accepted"].mean().round(3))

pre = ColumnTransformer([
    ("num", StandardScaler(), num_cols),
    ("cat", OneHotEncoder(handle_unknown="ignore", min_frequency=20), cat_cols),
])
clf = Pipeline([
    ("pre", pre),
    ("lr", LogisticRegression(C=0.5, max_iter=2000, class_weight="balanced")),
])
clf.fit(train[num_cols + cat_cols].fillna(0), train["accepted"])

proba = clf.predict_proba(test[num_cols + cat_cols].fillna(0))[:, 1]
print("AUC:", round(roc_auc_score(test["accepted"], proba), 4))
print(classification_report(test["accepted"], (proba >= 0.5).astype(int), digits=3))

coefs = pd.Series(clf.named_steps["lr"].coef_[0],
                  index=clf.named_steps["pre"].get_feature_names_out())
print(coefs.sort_values(key=np.abs, ascending=False).head(15))

by_section = (test.assign(p=proba)
              .groupby("section")
              .apply(lambda g: pd.Series({"n": len(g),
                                          "auc": roc_auc_score(g["accepted"], g["p"])
                                          if g["accepted"].nunique() > 1 else np.nan})))
print(by_section)
