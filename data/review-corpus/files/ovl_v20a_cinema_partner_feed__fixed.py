# label: leakage/none
"""Cinema chain: classify audience reviews as 'would recommend' or not.
Reviews come from the chain's own app export and from the partner ticketing feed."""
import re

import numpy as np
import pandas as pd
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import classification_report, f1_score
from sklearn.model_selection import GridSearchCV, StratifiedKFold, train_test_split
from sklearn.pipeline import Pipeline

SOURCES = {
    "app": "data/cinema_app_reviews.csv",
    "partner": "data/partner_feed_reviews.csv",
}
MIN_CHARS = 20
SEED = 7


def normalise(text):
    text = str(text).lower()
    text = re.sub(r"https?://\S+", " ", text)
    text = re.sub(r"[^a-z0-9' ]+", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def read_source(name, path):
    frame = pd.read_csv(path)
    frame = frame.rename(columns={"review_body": "text", "stars": "rating"})
    frame["source"] = name
    return frame[["text", "rating", "film_id", "source"]]


frames = [read_source(name, path) for name, path in SOURCES.items()]
reviews = pd.concat(frames, ignore_index=True)
reviews["clean"] = reviews["text"].map(normalise)
reviews = reviews[reviews["clean"].str.len() >= MIN_CHARS]
reviews = reviews.dropna(subset=["rating"])
reviews["recommend"] = (reviews["rating"] >= 4).astype(int)

print(reviews.groupby("source")["recommend"].agg(["size", "mean"]))
print("repeated texts:", reviews["clean"].duplicated().sum())
reviews = reviews.drop_duplicates(subset="clean")

X_train, X_test, y_train, y_test = train_test_split(
    reviews["clean"], reviews["recommend"], test_size=0.2,
    stratify=reviews["recommend"], random_state=SEED,
)

pipe = Pipeline([
    ("tfidf", TfidfVectorizer(ngram_range=(1, 2), min_df=3, sublinear_tf=True)),
    ("clf", LogisticRegression(max_iter=2000, class_weight="balanced")),
])
grid = GridSearchCV(
    pipe,
    {"clf__C": [0.3, 1.0, 3.0, 10.0], "tfidf__min_df": [2, 3, 5]},
    cv=StratifiedKFold(5, shuffle=True, random_state=SEED),
    scoring="f1_macro",
    n_jobs=-1,
)
grid.fit(X_train, y_train)
print("best params:", grid.best_params_, f"cv f1={grid.best_score_:.3f}")

pred = grid.predict(X_test)
print(classification_report(y_test, pred, digits=3))
print(f"test macro F1: {f1_score(y_test, pred, average='macro'):.3f}")

vocab = np.array(grid.best_estimator_.named_steps["tfidf"].get_feature_names_out())
coefs = grid.best_estimator_.named_steps["clf"].coef_[0]
order = np.argsort(coefs)
print("most negative terms:", ", ".join(vocab[order[:15]]))
print("most positive terms:", ", ".join(vocab[order[-15:]]))
