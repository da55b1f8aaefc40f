# label: leakage/none
# twin: ovl_text_copies__leaky.py
# source: hand-written for ai-ci, tuning part (Apache-2.0)
import pandas as pd
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import SGDClassifier
from sklearn.metrics import f1_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline

tickets = pd.read_csv("tickets.csv")
tr, te = train_test_split(tickets, test_size=0.2, stratify=tickets["queue"], random_state=0)

# cheap augmentation of the training tickets: a lower-cased, punctuation-free copy of each
variants = tr.assign(body=tr["body"].str.lower().str.replace(r"[^\w\s]", "", regex=True))
tr = pd.concat([tr, variants], ignore_index=True)

pipe = make_pipeline(TfidfVectorizer(), SGDClassifier(random_state=0)).fit(tr["body"], tr["queue"])
print(f1_score(te["queue"], pipe.predict(te["body"]), average="macro"))
