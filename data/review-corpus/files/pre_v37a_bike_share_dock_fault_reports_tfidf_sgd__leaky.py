# label: leakage/preprocessing
"""Route rider fault reports from the bike share app to the right field team."""
import re

import pandas as pd
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import SGDClassifier
from sklearn.metrics import classification_report, f1_score
from sklearn.model_selection import train_test_split

REPORTS = "ops/dock_fault_reports_2022_2024.jsonl"
TEAMS = ["lock_mechanism", "payment_kiosk", "dock_structure", "bike_mechanical", "ebike_battery", "app_account"]

DOCK_CODE = re.compile(r"\b[a-z]{2}-?\d{3,4}\b")
BIKE_CODE = re.compile(r"\bbk\s?\d{4,6}\b")


def clean_text(text):
    text = text.lower()
    text = DOCK_CODE.sub(" dockid ", text)
    text = BIKE_CODE.sub(" bikeid ", text)
    text = re.sub(r"https?://\S+", " ", text)
    text = re.sub(r"[^a-z0-9' ]+", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def load_reports(path):
    df = pd.read_json(path, lines=True)
    df = df[df["resolved_team"].isin(TEAMS)]
    df["text"] = (df["subject"].fillna("") + " . " + df["body"].fillna("")).map(clean_text)
    df = df[df["text"].str.len() > 10]
    return df.reset_index(drop=True)


def make_vectorizer():
    return TfidfVectorizer(
        ngram_range=(1, 2),
        min_df=3,
        max_df=0.6,
        sublinear_tf=True,
        max_features=60000,
    )


def main():
    reports = load_reports(REPORTS)
    print(reports["resolved_team"].value_counts())

    vec = make_vectorizer()
    X_all = vec.fit_transform(reports["text"])
    y_all = reports["resolved_team"].to_numpy()

    X_train, X_test, y_train, y_test = train_test_split(
        X_all, y_all, test_size=0.2, stratify=y_all, random_state=17
    )

    clf = SGDClassifier(
        loss="modified_huber",
        alpha=2e-5,
        penalty="elasticnet",
        l1_ratio=0.1,
        class_weight="balanced",
        max_iter=50,
        random_state=17,
    )
    clf.fit(X_train, y_train)
    pred = clf.predict(X_test)

    print(classification_report(y_test, pred, digits=3))
    print(f"macro F1: {f1_score(y_test, pred, average='macro'):.3f}")

    terms = vec.get_feature_names_out()
    for team, coefs in zip(clf.classes_, clf.coef_):
        top = coefs.argsort()[-8:][::-1]
        print(f"{team:<16}", ", ".join(terms[i] for i in top))


if __name__ == "__main__":
    main()
