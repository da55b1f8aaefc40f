# label: leakage/preprocessing
# twin: pre_news_topics__fixed.py
# source: hand-written for ai-ci held-out v11 (Apache-2.0)
import numpy as np
from datasets import load_dataset
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import SGDClassifier
from sklearn.model_selection import train_test_split
from sklearn.metrics import accuracy_score, classification_report

ds = load_dataset("ag_news", split="train")
texts = np.array(ds["text"])
labels = np.array(ds["label"])
names = ds.features["label"].names

vec = TfidfVectorizer(max_features=50000, ngram_range=(1, 2), min_df=3, stop_words="english")
X = vec.fit_transform(texts)
X_tr, X_te, y_tr, y_te = train_test_split(X, labels, test_size=0.2, stratify=labels, random_state=2)

clf = SGDClassifier(loss="modified_huber", alpha=1e-5, max_iter=30, random_state=2)
clf.fit(X_tr, y_tr)
pred = clf.predict(X_te)
print("accuracy:", accuracy_score(y_te, pred))
print(classification_report(y_te, pred, target_names=names))
