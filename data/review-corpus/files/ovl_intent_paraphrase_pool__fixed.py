# label: leakage/none
# twin: ovl_intent_paraphrase_pool__leaky.py
# source: hand-written for ai-ci held-out v8 (Apache-2.0)
import random

import pandas as pd
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import classification_report
from sklearn.model_selection import train_test_split
from sklearn.pipeline import Pipeline

random.seed(5)
SYNONYMS = {"cancel": ["stop", "end"], "order": ["purchase", "package"], "refund": ["money back", "reimbursement"]}


def paraphrase(text):
    words = text.split()
    return " ".join(random.choice(SYNONYMS[w]) if w in SYNONYMS else w for w in words)


intents = pd.read_json("support_intents.jsonl", lines=True)
train_df, test_df = train_test_split(intents, test_size=0.2, stratify=intents["intent"], random_state=5)
augmented = train_df.assign(text=train_df["text"].map(paraphrase))
train_df = pd.concat([train_df, augmented], ignore_index=True)

pipe = Pipeline([
    ("tfidf", TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)),
    ("clf", LogisticRegression(max_iter=2000, C=4.0)),
])
pipe.fit(train_df["text"], train_df["intent"])
print(classification_report(test_df["intent"], pipe.predict(test_df["text"])))
