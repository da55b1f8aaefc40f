# label: leakage/preprocessing
"""Route visitor comments left on the gallery audio-guide app to the right team.

Topics were tagged by the visitor services desk over two seasons.
"""
import re

import numpy as np
import pandas as pd
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import classification_report, f1_score
from sklearn.model_selection import train_test_split
from sklearn.svm import LinearSVC

TOPICS = ["content", "narration", "device", "navigation", "translation", "accessibility"]


def clean_comment(text: str) -> str:
    text = text.lower()
    text = re.sub(r"https?://\S+", " ", text)
    text = re.sub(r"\bstop\s*(\d+)\b", r"stop_\1", text)  # keep tour stop numbers as tokens
    text = re.sub(r"[^a-z0-9_'\s]", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def load_comments(path: str) -> pd.DataFrame:
    df = pd.read_csv(path)
    df = df[df["topic"].isin(TOPICS)]
    df = df.dropna(subset=["comment"])
    df["text"] = df["comment"].map(clean_comment)
    df = df[df["text"].str.len() >= 10]
    df = df.drop_duplicates(subset=["text", "topic"])
    return df.reset_index(drop=True)


def top_terms(vectorizer, model, n=8):
    vocab = np.array(vectorizer.get_feature_names_out())
    for topic, coefs in zip(model.classes_, model.coef_):
        print(f"{topic:>14}: {', '.join(vocab[np.argsort(coefs)[-n:][::-1]])}")


comments = load_comments("audio_guide_feedback.csv")
print(comments["topic"].value_counts())

vectorizer = TfidfVectorizer(
    ngram_range=(1, 2),
    min_df=3,
    max_df=0.6,
    sublinear_tf=True,
    strip_accents="unicode",
)
X = vectorizer.fit_transform(comments["text"])
y = comments["topic"].to_numpy()

X_train, X_test, y_train, y_test = train_test_split(
    X, y, test_size=0.2, stratify=y, random_state=17
)

svc = LinearSVC(C=0.7, class_weight="balanced")
svc.fit(X_train, y_train)
pred = svc.predict(X_test)

print(classification_report(y_test, pred, digits=3))
print(f"macro F1: {f1_score(y_test, pred, average='macro'):.3f}")
top_terms(vectorizer, svc)
