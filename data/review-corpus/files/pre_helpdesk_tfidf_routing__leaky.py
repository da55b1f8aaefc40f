# label: leaky preprocessing
# source: hand-written for ai-ci, held-out v9 (Apache-2.0)
import pandas as pd
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import classification_report
from sklearn.model_selection import train_test_split
from sklearn.svm import LinearSVC

tickets = pd.read_csv("data/helpdesk_tickets.csv")
tickets = tickets.dropna(subset=["subject", "body", "queue"])
tickets["text"] = tickets["subject"].str.strip() + "\n" + tickets["body"].str.strip()

queue_counts = tickets["queue"].value_counts()
tickets = tickets[tickets["queue"].isin(queue_counts[queue_counts >= 50].index)]

vectorizer = TfidfVectorizer(
    ngram_range=(1, 2),
    min_df=3,
    max_df=0.9,
    sublinear_tf=True,
    strip_accents="unicode",
)
X = vectorizer.fit_transform(tickets["text"])
y = tickets["queue"].to_numpy()

X_train, X_test, y_train, y_test = train_test_split(
    X, y, test_size=0.2, stratify=y, random_state=99
)

clf = LinearSVC(C=0.7, class_weight="balanced")
clf.fit(X_train, y_train)
print(f"vocabulary size: {len(vectorizer.vocabulary_)}")
print(classification_report(y_test, clf.predict(X_test), digits=3))
