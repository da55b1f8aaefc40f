# label: leakage/none
"""Route advice-line enquiries to a specialist queue from the intake note.

The intake note is typed by the first-contact adviser during the call; the
queue label is the specialist team that took the case on.
"""
import re

import joblib
import numpy as np
import pandas as pd
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import classification_report, confusion_matrix, f1_score
from sklearn.model_selection import train_test_split
from sklearn.svm import LinearSVC

QUEUES = ["benefits", "debt", "housing", "employment", "immigration", "consumer", "family"]

POSTCODE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b", re.IGNORECASE)
PHONE = re.compile(r"\b0\d{9,10}\b")
MONEY = re.compile(r"£\s?\d[\d,]*(?:\.\d+)?")
DATE = re.compile(r"\b\d{1,2}/\d{1,2}/\d{2,4}\b")


def clean_note(text: str) -> str:
    text = POSTCODE.sub(" postcode ", text)
    text = PHONE.sub(" phone ", text)
    text = MONEY.sub(" amount ", text)
    text = DATE.sub(" date ", text)
    text = re.sub(r"\s+", " ", text)
    return text.lower().strip()


def load_notes(path: str) -> pd.DataFrame:
    df = pd.read_csv(path, usecols=["case_id", "intake_note", "queue", "opened_on"])
    df = df.drop_duplicates(subset="case_id")
    df = df[df["queue"].isin(QUEUES)].dropna(subset=["intake_note"])
    df["note"] = df["intake_note"].map(clean_note)
    return df[df["note"].str.len() > 20].reset_index(drop=True)


def top_terms(clf: LinearSVC, vectorizer: TfidfVectorizer, n: int = 12) -> dict:
    vocab = np.asarray(vectorizer.get_feature_names_out())
    return {
        label: vocab[np.argsort(coefs)[::-1][:n]].tolist()
        for label, coefs in zip(clf.classes_, clf.coef_)
    }


def main() -> None:
    df = load_notes("data/advice_line_intake.csv")
    print(df["queue"].value_counts().to_string())

    vectorizer = TfidfVectorizer(
        ngram_range=(1, 2),
        min_df=3,
        max_df=0.6,
        sublinear_tf=True,
        max_features=60_000,
        strip_accents="unicode",
    )
    y = df["queue"].to_numpy()
    notes_train, notes_test, y_train, y_test = train_test_split(
        df["note"], y, test_size=0.2, stratify=y, random_state=21
    )
    X_train = vectorizer.fit_transform(notes_train)
    X_test = vectorizer.transform(notes_test)

    clf = LinearSVC(C=0.5, class_weight="balanced")
    clf.fit(X_train, y_train)
    pred = clf.predict(X_test)

    print(classification_report(y_test, pred, digits=3))
    print("macro F1:", round(f1_score(y_test, pred, average="macro"), 4))
    cm = pd.DataFrame(
        confusion_matrix(y_test, pred, labels=QUEUES), index=QUEUES, columns=QUEUES
    )
    print(cm)

    for label, terms in top_terms(clf, vectorizer).items():
        print(f"{label:12s} {', '.join(terms)}")

    joblib.dump({"vectorizer": vectorizer, "clf": clf}, "models/intake_router.joblib")


if __name__ == "__main__":
    main()
