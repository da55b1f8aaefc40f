# label: leakage/none
# twin: pre_20news_tfidf_fit_all__leaky.py
# source: adapted from scikit-learn examples/text/plot_document_classification_20newsgroups.py (BSD-3-Clause, (c) the scikit-learn developers)
from time import time

from sklearn import metrics
from sklearn.datasets import fetch_20newsgroups
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import RidgeClassifier

categories = ["alt.atheism", "talk.religion.misc", "comp.graphics", "sci.space"]


def load_dataset(verbose=False, remove=()):
    """Load and vectorize the 20 newsgroups dataset."""
    data_train = fetch_20newsgroups(subset="train", categories=categories, shuffle=True, random_state=42, remove=remove)
    data_test = fetch_20newsgroups(subset="test", categories=categories, shuffle=True, random_state=42, remove=remove)
    target_names = data_train.target_names
    y_train, y_test = data_train.target, data_test.target

    t0 = time()
    vectorizer = TfidfVectorizer(sublinear_tf=True, max_df=0.5, min_df=5, stop_words="english")
    # vocabulary and idf from the training documents only
    X_train = vectorizer.fit_transform(data_train.data)
    X_test = vectorizer.transform(data_test.data)
    duration = time() - t0
    feature_names = vectorizer.get_feature_names_out()

    if verbose:
        print(f"vectorize documents in {duration:.3f}s")
        print(f"n_samples: {X_train.shape[0]}, n_features: {X_train.shape[1]}")
    return X_train, X_test, y_train, y_test, feature_names, target_names


X_train, X_test, y_train, y_test, feature_names, target_names = load_dataset(verbose=True, remove=("headers", "footers", "quotes"))
clf = RidgeClassifier(tol=1e-2, solver="sparse_cg")
clf.fit(X_train, y_train)
pred = clf.predict(X_test)
print(metrics.classification_report(y_test, pred, target_names=target_names))
