# label: leakage/none
# twin: sel_text_vectorizer_choice_test__leaky.py
# source: hand-written for ai-ci held-out v5 (Apache-2.0)
from sklearn.datasets import fetch_20newsgroups
from sklearn.feature_extraction.text import CountVectorizer, HashingVectorizer, TfidfVectorizer
from sklearn.linear_model import SGDClassifier
from sklearn.metrics import accuracy_score
from sklearn.model_selection import cross_val_score
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


def cv_score(name, vectorizer):
    pipe = make_pipeline(vectorizer, SGDClassifier(random_state=0))
    acc = cross_val_score(pipe, train.data, train.target, cv=5).mean()
    print(f"{name:>14}: {acc:.3f} (5-fold CV on the training set)")
    return acc


scores = {n: cv_score(n, v) for n, v in candidates.items()}
winner = max(scores, key=scores.get)
final = make_pipeline(candidates[winner], SGDClassifier(random_state=0)).fit(train.data, train.target)
print(f"Using {winner}; test accuracy {accuracy_score(test.target, final.predict(test.data)):.3f}")
