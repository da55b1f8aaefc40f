# label: leakage/overlap
# twin: ovl_ticket_backtranslation_concat__fixed.py
# source: hand-written for ai-ci held-out v7 (Apache-2.0)
import pandas as pd
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import classification_report
from sklearn.model_selection import train_test_split
from sklearn.pipeline import Pipeline

tickets = pd.read_json("data/helpdesk_tickets.jsonl", lines=True)[["ticket_id", "text", "queue"]]
# paraphrases produced offline (en -> de -> en) for every ticket in the queue export
paraphrases = pd.read_json("cache/backtranslated_de.jsonl", lines=True)[["ticket_id", "text"]]


def with_paraphrases(base: pd.DataFrame, para: pd.DataFrame) -> pd.DataFrame:
    aug = para.merge(base[["ticket_id", "queue"]], on="ticket_id", how="inner")
    aug = aug[aug["text"].str.len() > 20]
    return pd.concat([base, aug], ignore_index=True)


corpus = with_paraphrases(tickets, paraphrases)
print(corpus["queue"].value_counts())

train_df, test_df = train_test_split(corpus, test_size=0.2, stratify=corpus["queue"], random_state=3)

clf = Pipeline([
    ("tfidf", TfidfVectorizer(ngram_range=(1, 2), min_df=2, max_features=100_000)),
    ("lr", LogisticRegression(max_iter=3000, C=4.0, class_weight="balanced")),
])
clf.fit(train_df["text"], train_df["queue"])
print(classification_report(test_df["queue"], clf.predict(test_df["text"])))
