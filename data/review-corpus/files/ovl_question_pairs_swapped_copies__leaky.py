# label: leakage/overlap
# twin: ovl_question_pairs_swapped_copies__fixed.py
# source: hand-written for ai-ci held-out v4 (Apache-2.0)
import numpy as np
import pandas as pd
from sentence_transformers import SentenceTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score
from sklearn.model_selection import train_test_split

pairs = pd.read_csv("quora_duplicate_questions.tsv", sep="\t").dropna(subset=["question1", "question2"])

# the relation is symmetric: add every pair the other way round too
swapped = pairs.rename(columns={"question1": "question2", "question2": "question1"})
pairs = pd.concat([pairs, swapped], ignore_index=True)

encoder = SentenceTransformer("all-MiniLM-L6-v2")


def featurize(frame):
    a = encoder.encode(frame["question1"].tolist(), batch_size=256)
    b = encoder.encode(frame["question2"].tolist(), batch_size=256)
    return np.hstack([np.abs(a - b), a * b])


train, test = train_test_split(pairs, test_size=0.2, random_state=0)
clf = LogisticRegression(max_iter=1000).fit(featurize(train), train["is_duplicate"])
print("F1 on held-out pairs:", f1_score(test["is_duplicate"], clf.predict(featurize(test))))
