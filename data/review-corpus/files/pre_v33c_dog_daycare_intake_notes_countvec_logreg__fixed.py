# label: leakage/none
"""Route new daycare sign-ups: straight into group play, or book a
temperament assessment first.  Uses the owner's free-text intake answers plus
a few form fields."""
import re

import numpy as np
import pandas as pd
from scipy import sparse
from sklearn.feature_extraction.text import CountVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import classification_report, f1_score, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import OneHotEncoder

FORM_FIELDS = ["breed_group", "size_class", "sex_neuter", "age_band", "previous_daycare"]


def clean_text(text):
    text = str(text).lower()
    text = re.sub(r"https?://\S+", " ", text)
    text = re.sub(r"[^a-z' ]+", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def load_intakes(path):
    df = pd.read_csv(path)
    df = df.dropna(subset=["group_play_ok"])
    df["notes"] = (
        df["q_behaviour_with_dogs"].fillna("") + " "
        + df["q_triggers"].fillna("") + " "
        + df["q_anything_else"].fillna("")
    ).map(clean_text)
    return df


def build_matrix(df, vectorizer, encoder):
    text = vectorizer.transform(df["notes"])
    form = encoder.transform(df[FORM_FIELDS])
    return sparse.hstack([text, form]).tocsr()


def main():
    df = load_intakes("crm/intake_forms_2021_2024.csv")
    y = (df["group_play_ok"] == "no").astype(int).to_numpy()
    print(f"{len(df)} intakes, {y.mean():.1%} needed an assessment")

    train_df, test_df, y_train, y_test = train_test_split(
        df, y, test_size=0.2, stratify=y, random_state=8
    )

    vectorizer = CountVectorizer(
        ngram_range=(1, 2), min_df=3, max_df=0.6, binary=True, stop_words="english"
    )
    vectorizer.fit(train_df["notes"])
    encoder = OneHotEncoder(handle_unknown="ignore").fit(train_df[FORM_FIELDS])

    X_train = build_matrix(train_df, vectorizer, encoder)
    X_test = build_matrix(test_df, vectorizer, encoder)
    print(f"vocabulary size: {len(vectorizer.vocabulary_)}")

    clf = LogisticRegression(C=0.3, penalty="l2", class_weight="balanced", max_iter=3000)
    clf.fit(X_train, y_train)

    proba = clf.predict_proba(X_test)[:, 1]
    pred = (proba >= 0.5).astype(int)
    print(f"ROC AUC: {roc_auc_score(y_test, proba):.3f}")
    print(f"F1 (assessment): {f1_score(y_test, pred):.3f}")
    print(classification_report(y_test, pred, target_names=["group play", "assessment"]))

    names = np.concatenate([vectorizer.get_feature_names_out(), encoder.get_feature_names_out()])
    coefs = pd.Series(clf.coef_[0], index=names).sort_values()
    print("Terms pointing to group play:\n", coefs.head(12).to_string())
    print("Terms pointing to assessment:\n", coefs.tail(12).to_string())


if __name__ == "__main__":
    main()
