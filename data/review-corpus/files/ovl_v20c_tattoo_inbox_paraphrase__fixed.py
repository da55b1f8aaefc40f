# label: leakage/none
import random
import re

import pandas as pd
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.model_selection import train_test_split
from sklearn.pipeline import Pipeline
from sklearn.svm import LinearSVC
from sklearn.metrics import classification_report, f1_score

INBOX = "studio_inbox/messages_labelled.csv"
INTENTS = ["booking", "touch_up", "aftercare_concern", "pricing", "design_change"]
SYNONYMS = {
    "appointment": ["booking", "slot", "session"],
    "tattoo": ["piece", "ink", "tat"],
    "healing": ["recovery", "settling"],
    "red": ["inflamed", "pink"],
    "price": ["cost", "quote", "rate"],
    "change": ["tweak", "adjust", "modify"],
    "faded": ["patchy", "light"],
    "itchy": ["itching", "irritated"],
}
N_COPIES = 3
rng = random.Random(17)


def clean(text):
    text = text.lower()
    text = re.sub(r"https?://\S+", " ", text)
    text = re.sub(r"[^a-z0-9' ]+", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def perturb(text, p_swap=0.3, p_drop=0.1):
    words = []
    for w in text.split():
        if w in SYNONYMS and rng.random() < p_swap:
            w = rng.choice(SYNONYMS[w])
        if rng.random() < p_drop and len(w) > 3:
            continue
        words.append(w)
    return " ".join(words) if words else text


def augment(frame, copies=N_COPIES):
    extra = []
    for _, row in frame.iterrows():
        for _ in range(copies):
            extra.append({"text": perturb(row["text"]), "intent": row["intent"]})
    return pd.concat([frame, pd.DataFrame(extra)], ignore_index=True)


msgs = pd.read_csv(INBOX)
msgs = msgs[msgs["intent"].isin(INTENTS)].copy()
msgs["text"] = msgs["text"].astype(str).map(clean)
msgs = msgs.drop_duplicates(subset="text").reset_index(drop=True)
print(msgs["intent"].value_counts())

train_df, test_df = train_test_split(
    msgs, test_size=0.2, stratify=msgs["intent"], random_state=17
)

train_df = augment(train_df)
print("rows after augmentation:", len(train_df))

clf = Pipeline([
    ("tfidf", TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)),
    ("svm", LinearSVC(C=0.7, class_weight="balanced")),
])
clf.fit(train_df["text"], train_df["intent"])

pred = clf.predict(test_df["text"])
print(classification_report(test_df["intent"], pred, digits=3))
print("macro F1:", round(f1_score(test_df["intent"], pred, average="macro"), 4))

vocab = clf.named_steps["tfidf"].get_feature_names_out()
for i, intent in enumerate(clf.named_steps["svm"].classes_):
    top = clf.named_steps["svm"].coef_[i].argsort()[-6:][::-1]
    print(f"{intent:>18}: {', '.join(vocab[top])}")
