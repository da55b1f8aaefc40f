# label: leakage/selection
# twin: sel_text_vectorizer_choice_test__fixed.py
# source: hand-written for ai-ci held-out v5 (Apache-2.0)
from sklearn.datasets import fetch_20newsgroups
from sklearn.feature_extraction.text import CountVectorizer, HashingVectorizer, TfidfVectorizer
from sklearn.linear_model import SGDClassifier
from sklearn.metrics import accuracy_score
from sklearn.pipeline import make_pipeline

categories = ["rec.autos", "rec.motorcycles", "sci.electronics", "sci.med"]
train = fetch_20newsgroups(subset="train", categories=categories, remove=("headers", "footers", "quotes"))
test = fetch_20newsgroups(subset="test", categories=categories, remove=("headers", "footers", "quotes"))

candidates = {
    "counts": CountVectorizer(min_df=2),
    "tfidf": TfidfVectorizer(sublinear_tf=True, min_df=2),
    "tfidf_bigrams": TfidfVectorizer(ngram_range=(1, 2), min_df=2),
    "hashing": HashingVectorizer(n_features=2**18, alternate_sign=False),
}


def report(name, pipe):
    acc = accuracy_score(test.target, pipe.predict(test.data))
    print(f"{name:>14}: {acc:.3f}")
    return acc


fitted = {n: make_pipeline(v, SGDClassifier(random_state=0)).fit(train.data, train.target) for n, v in candidates.items()}
scores = {n: report(n, p) for n, p in fitted.items()}
winner = max(scores, key=scores.get)
print(f"Using {winner}; reported accuracy {scores[winner]:.3f}")
