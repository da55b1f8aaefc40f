# label: leakage/preprocessing
"""Route reserve-parachute inspection notes to an outcome code from the rigger's free text.

Outcome codes: SERVICEABLE, MINOR_REPAIR, MAJOR_REPAIR, CONDEMN.
"""
import re

import pandas as pd
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import classification_report, confusion_matrix, f1_score
from sklearn.svm import LinearSVC

ABBREVIATIONS = {
    r"\bpc\b": "pilot chute",
    r"\bl/?lines?\b": "lines",
    r"\bsl\b": "suspension line",
    r"\bbtm\b": "bottom",
    r"\bxs\b": "excess",
    r"\bfab\b": "fabric",
    r"\bgrmt\b": "grommet",
    r"\bw/\b": "with",
}


def clean_note(text):
    text = str(text).lower()
    for pattern, repl in ABBREVIATIONS.items():
        text = re.sub(pattern, repl, text)
    text = re.sub(r"\d{2}/\d{2}/\d{2,4}", " ", text)  # inspection dates in the note body
    text = re.sub(r"[^a-z0-9 ]+", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def load_inspections(path):
    df = pd.read_csv(path, parse_dates=["inspected_on"])
    df = df.dropna(subset=["rigger_notes", "outcome_code"])
    df["text"] = df["rigger_notes"].map(clean_note)
    df["text"] = df["text"] + " canopy " + df["canopy_model"].str.lower().fillna("")
    return df[df["text"].str.len() > 3].sort_values("inspected_on")


inspections = load_inspections("data/loft/reserve_inspections.csv")
print(inspections["outcome_code"].value_counts())

vectorizer = TfidfVectorizer(
    ngram_range=(1, 2), min_df=3, max_df=0.9, sublinear_tf=True, stop_words="english"
)
X_all = vectorizer.fit_transform(inspections["text"])

is_train = (inspections["inspected_on"] < "2023-01-01").to_numpy()
X_train, X_test = X_all[is_train], X_all[~is_train]
y_train = inspections.loc[is_train, "outcome_code"]
y_test = inspections.loc[~is_train, "outcome_code"]
print(f"train {X_train.shape[0]} notes, test {X_test.shape[0]} notes, vocab {X_train.shape[1]}")

clf = LinearSVC(C=0.5, class_weight="balanced", max_iter=5000)
clf.fit(X_train, y_train)
pred = clf.predict(X_test)

print(classification_report(y_test, pred, digits=3))
print("macro F1:", round(f1_score(y_test, pred, average="macro"), 3))
labels = ["SERVICEABLE", "MINOR_REPAIR", "MAJOR_REPAIR", "CONDEMN"]
print(pd.DataFrame(confusion_matrix(y_test, pred, labels=labels), index=labels, columns=labels))

terms = vectorizer.get_feature_names_out()
for i, label in enumerate(clf.classes_):
    top = clf.coef_[i].argsort()[-12:][::-1]
    print(f"{label:<13}", ", ".join(terms[top]))
