# label: leakage/selection
# twin: sel_v12_newsgroups_model_zoo__fixed.py
# source: hand-written for ai-ci held-out v12 (Apache-2.0)
from sklearn.base import clone
from sklearn.datasets import fetch_20newsgroups
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression, SGDClassifier
from sklearn.metrics import accuracy_score
from sklearn.naive_bayes import MultinomialNB
from sklearn.pipeline import make_pipeline
from sklearn.svm import LinearSVC

cats = ["sci.med", "sci.space", "rec.autos", "comp.graphics", "talk.politics.guns"]
opts = dict(categories=cats, remove=("headers", "footers", "quotes"))
train = fetch_20newsgroups(subset="train", **opts)
test = fetch_20newsgroups(subset="test", **opts)

candidates = {
    "nb": MultinomialNB(alpha=0.1),
    "logreg": LogisticRegression(C=4.0, max_iter=2000),
    "svm": LinearSVC(C=0.5),
    "sgd": SGDClassifier(loss="modified_huber", alpha=1e-4, random_state=0),
}

scores = {}
for name, est in candidates.items():
    pipe = make_pipeline(TfidfVectorizer(sublinear_tf=True, min_df=2), clone(est))
    pipe.fit(train.data, train.target)
    scores[name] = accuracy_score(test.target, pipe.predict(test.data))
    print(f"{name}: {scores[name]:.4f}")

best_name = max(scores, key=scores.get)
best = make_pipeline(TfidfVectorizer(sublinear_tf=True, min_df=2), clone(candidates[best_name]))
best.fit(train.data, train.target)
print(best_name, "test accuracy:", accuracy_score(test.target, best.predict(test.data)))
