# label: leakage/overlap
"""Policy-area tagging for plenary speeches.

Speeches are long, so they are cut into passages of ~180 words before vectorising;
the tag of a passage is the policy area the clerks assigned to the whole speech.
"""
import re
from collections import Counter

import pandas as pd
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import SGDClassifier
from sklearn.metrics import classification_report, f1_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline

PASSAGE_WORDS = 180
MIN_WORDS = 40


def clean(text):
    text = re.sub(r"\[(interruption|applause|laughter)[^\]]*\]", " ", text, flags=re.I)
    text = re.sub(r"(Mr|Madam) (Speaker|President)[,.]?", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def to_passages(speeches, size=PASSAGE_WORDS):
    records = []
    for row in speeches.itertuples(index=False):
        words = clean(row.text).split()
        for k, start in enumerate(range(0, len(words), size)):
            piece = words[start:start + size]
            if len(piece) < MIN_WORDS:
                continue
            records.append({
                "speech_id": row.speech_id,
                "passage_no": k,
                "text": " ".join(piece),
                "policy_area": row.policy_area,
            })
    return pd.DataFrame.from_records(records)


speeches = pd.read_parquet("data/plenary_speeches_2015_2022.parquet")
speeches = speeches[speeches["policy_area"].notna()]
keep = speeches["policy_area"].value_counts()
speeches = speeches[speeches["policy_area"].isin(keep[keep >= 150].index)]

passages = to_passages(speeches)
print(f"{len(speeches)} speeches -> {len(passages)} passages")
print(Counter(passages["policy_area"]).most_common(8))

train_df, test_df = train_test_split(
    passages, test_size=0.2, random_state=5, stratify=passages["policy_area"]
)

model = make_pipeline(
    TfidfVectorizer(ngram_range=(1, 2), min_df=3, max_df=0.6, sublinear_tf=True),
    SGDClassifier(loss="modified_huber", alpha=2e-5, max_iter=30, random_state=0),
)
model.fit(train_df["text"], train_df["policy_area"])

pred = model.predict(test_df["text"])
print(classification_report(test_df["policy_area"], pred, digits=3))
print("macro F1 (passages):", round(f1_score(test_df["policy_area"], pred, average="macro"), 4))

# speech-level vote over passages
test_df = test_df.assign(pred=pred)
votes = test_df.groupby("speech_id").agg(
    truth=("policy_area", "first"),
    pred=("pred", lambda s: s.value_counts().index[0]),
)
print("macro F1 (speeches):", round(f1_score(votes["truth"], votes["pred"], average="macro"), 4))
