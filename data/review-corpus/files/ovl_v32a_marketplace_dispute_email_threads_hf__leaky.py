# label: leakage/overlap
"""Routing model for the marketplace trust & safety inbox.

Every inbound message belongs to a dispute thread between a buyer, a seller and
the support team. The thread is labelled with its final dispute category by the
case handler; messages inherit that category. The router predicts the category
from a single message so new emails land in the right queue.
"""
import re

import numpy as np
from datasets import load_dataset
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import classification_report, f1_score

CATEGORIES = ["item_not_received", "not_as_described", "counterfeit", "damaged_in_transit",
              "refund_delay", "account_takeover"]
SIGNATURE = re.compile(r"(?s)\n--\s*\n.*$")
URL = re.compile(r"https?://\S+")
ORDER_NO = re.compile(r"\b[A-Z]{2}\d{8,}\b")


def clean(example):
    body = SIGNATURE.sub("", example["body"])
    body = URL.sub(" <url> ", body)
    body = ORDER_NO.sub(" <order> ", body)
    text = f"{example['subject']} \n {body}".lower()
    return {"text": text, "label": CATEGORIES.index(example["dispute_category"])}


def keep(example):
    return (
        example["dispute_category"] in CATEGORIES
        and example["direction"] == "inbound"
        and len(example["body"]) > 20
    )


raw = load_dataset(
    "json",
    data_files={"all": ["exports/inbox_2023H1.jsonl", "exports/inbox_2023H2.jsonl"]},
)["all"]
messages = raw.filter(keep).map(clean, remove_columns=["body", "subject"])
print(messages)
print("threads:", len(set(messages["thread_id"])))

splits = messages.train_test_split(test_size=0.2, seed=13)
train_ds, test_ds = splits["train"], splits["test"]

vectoriser = TfidfVectorizer(
    ngram_range=(1, 2), min_df=3, max_df=0.6, sublinear_tf=True, max_features=200_000
)
X_train = vectoriser.fit_transform(train_ds["text"])
X_test = vectoriser.transform(test_ds["text"])
y_train = np.array(train_ds["label"])
y_test = np.array(test_ds["label"])

clf = LogisticRegression(C=4.0, max_iter=2000, class_weight="balanced")
clf.fit(X_train, y_train)
pred = clf.predict(X_test)

print(f"macro F1: {f1_score(y_test, pred, average='macro'):.3f}")
print(classification_report(y_test, pred, target_names=CATEGORIES, digits=3))

terms = np.array(vectoriser.get_feature_names_out())
for i, name in enumerate(CATEGORIES):
    top = terms[np.argsort(clf.coef_[i])[-8:]][::-1]
    print(f"{name:>20}: {', '.join(top)}")
