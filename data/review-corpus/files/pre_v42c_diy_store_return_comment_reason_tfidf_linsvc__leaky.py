# label: leakage/preprocessing
# Route returned items to the right returns desk queue from the till comment.
# Reason codes were assigned by the returns team after inspection (2023 tickets).

import re

import pandas as pd
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import classification_report, f1_score
from sklearn.model_selection import train_test_split
from sklearn.svm import LinearSVC

REASON_MAP = {
    "DMG_TRANSIT": "damaged", "DMG_INSTORE": "damaged", "DMG_CUSTOMER": "damaged",
    "FAULT_ELEC": "faulty", "FAULT_MECH": "faulty",
    "SIZE_MISMATCH": "not_as_ordered", "COLOUR_MISMATCH": "not_as_ordered", "MISPICK": "not_as_ordered",
    "SURPLUS": "not_needed", "CHANGE_MIND": "not_needed",
    "MISSING_PARTS": "incomplete",
}

STOP_PHRASES = [r"\bcust(omer)?\b says?", r"\bc/?o\b", r"\bpls\b", r"\bthx\b"]


def clean_comment(text: str) -> str:
    text = str(text).lower()
    for pattern in STOP_PHRASES:
        text = re.sub(pattern, " ", text)
    text = re.sub(r"\b\d{6,}\b", " <sku> ", text)
    text = re.sub(r"\d+(\.\d+)?\s?(mm|cm|m|l|kg)\b", " <measure> ", text)
    text = re.sub(r"[^a-z<>' ]+", " ", text)
    return re.sub(r"\s+", " ", text).strip()


tickets = pd.read_csv("exports/return_tickets_2023.csv", usecols=[
    "ticket_id", "store_id", "department", "till_comment", "reason_code"])
tickets = tickets.dropna(subset=["till_comment", "reason_code"])
tickets["reason"] = tickets["reason_code"].map(REASON_MAP).fillna("other")
tickets["text"] = tickets["department"].str.lower() + " | " + tickets["till_comment"].map(clean_comment)
tickets = tickets[tickets["text"].str.len() > 12]

print(tickets["reason"].value_counts(normalize=True).round(3))

vectorizer = TfidfVectorizer(ngram_range=(1, 2), min_df=3, max_df=0.6,
                             sublinear_tf=True, token_pattern=r"(?u)<?\b\w[\w']+\b>?")
X = vectorizer.fit_transform(tickets["text"])
y = tickets["reason"]

X_train, X_test, y_train, y_test = train_test_split(
    X, y, test_size=0.2, stratify=y, random_state=2023
)
print(f"vocabulary: {len(vectorizer.vocabulary_)} terms; train={X_train.shape[0]} test={X_test.shape[0]}")

clf = LinearSVC(C=0.6, class_weight="balanced")
clf.fit(X_train, y_train)
pred = clf.predict(X_test)

print(classification_report(y_test, pred, digits=3))
print(f"macro F1: {f1_score(y_test, pred, average='macro'):.3f}")

terms = vectorizer.get_feature_names_out()
for label, weights in zip(clf.classes_, clf.coef_):
    top = weights.argsort()[-8:][::-1]
    print(f"{label:>12s}: {', '.join(terms[top])}")
