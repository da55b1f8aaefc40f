# label: leakage/preprocessing
# Route bike shop drop-offs to the right bench (drivetrain / brakes / wheels /
# suspension / e-bike electrics / general service) from the counter intake note.
import re

import numpy as np
import pandas as pd
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import SGDClassifier
from sklearn.metrics import classification_report, f1_score
from sklearn.model_selection import train_test_split

jobs = pd.read_csv("pos_export/workshop_jobs_2022_2024.csv", parse_dates=["dropped_off_at"])
jobs = jobs.dropna(subset=["intake_note", "bench"])
jobs = jobs[jobs["bench"] != "cancelled"]

BIKE_WORDS = {
    "rd": "rear derailleur",
    "fd": "front derailleur",
    "bb": "bottom bracket",
    "hydro": "hydraulic",
    "tubeless": "tubeless tyre",
    "ebike": "e-bike",
    "e bike": "e-bike",
}


def clean_note(text):
    text = text.lower()
    text = re.sub(r"\b\d{1,2}[:.]\d{2}\b", " ", text)          # collection times
    text = re.sub(r"\b0\d{9,10}\b", " ", text)                   # phone numbers
    text = re.sub(r"£\s?\d+(\.\d\d)?", " price ", text)
    for short, full in BIKE_WORDS.items():
        text = re.sub(rf"\b{short}\b", full, text)
    return re.sub(r"\s+", " ", text).strip()


jobs["note"] = jobs["intake_note"].map(clean_note) + " " + jobs["bike_type"].fillna("").str.lower()
print(jobs["bench"].value_counts())

vectorizer = TfidfVectorizer(
    ngram_range=(1, 2),
    min_df=3,
    max_df=0.6,
    sublinear_tf=True,
    strip_accents="unicode",
)
X = vectorizer.fit_transform(jobs["note"])
y = jobs["bench"].to_numpy()

X_train, X_test, y_train, y_test = train_test_split(
    X, y, test_size=0.2, stratify=y, random_state=8
)

clf = SGDClassifier(
    loss="modified_huber",
    alpha=2e-5,
    penalty="elasticnet",
    l1_ratio=0.1,
    class_weight="balanced",
    max_iter=50,
    random_state=8,
)
clf.fit(X_train, y_train)
pred = clf.predict(X_test)

print(classification_report(y_test, pred, digits=3))
print(f"macro F1: {f1_score(y_test, pred, average='macro'):.3f}")

terms = np.array(vectorizer.get_feature_names_out())
for bench, coefs in zip(clf.classes_, clf.coef_):
    print(f"{bench:>16s}: {', '.join(terms[np.argsort(coefs)[-8:]][::-1])}")
