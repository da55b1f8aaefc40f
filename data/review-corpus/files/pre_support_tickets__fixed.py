# label: leakage/none
# twin: pre_support_tickets__leaky.py
# source: hand-written for ai-ci held-out v10 (Apache-2.0)
import pandas as pd
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.model_selection import train_test_split
from sklearn.svm import LinearSVC
from sklearn.metrics import classification_report, f1_score

tickets = pd.read_csv("helpdesk/tickets_2024_h1.csv", usecols=["subject", "body", "queue"])
tickets = tickets.dropna(subset=["queue"])
tickets["text"] = tickets["subject"].fillna("") + " " + tickets["body"].fillna("")

vectorizer = TfidfVectorizer(
    lowercase=True,
    ngram_range=(1, 2),
    min_df=3,
    max_df=0.9,
    sublinear_tf=True,
    max_features=50_000,
)
y = tickets["queue"]

text_train, text_test, y_train, y_test = train_test_split(
    tickets["text"], y, test_size=0.2, stratify=y, random_state=13
)
X_train = vectorizer.fit_transform(text_train)
X_test = vectorizer.transform(text_test)

clf = LinearSVC(C=0.5, class_weight="balanced")
clf.fit(X_train, y_train)
pred = clf.predict(X_test)

print(f"vocabulary size: {len(vectorizer.vocabulary_)}")
print(classification_report(y_test, pred, digits=3))
print(f"macro F1: {f1_score(y_test, pred, average='macro'):.4f}")
