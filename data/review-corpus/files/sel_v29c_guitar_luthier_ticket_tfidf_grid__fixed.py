# label: leakage/none
# Route incoming repair tickets at the workshop to the right bench
# (setup / fretwork / electronics / structural / finish) from the intake notes.
import json

import pandas as pd
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import classification_report, f1_score
from sklearn.model_selection import GridSearchCV, StratifiedKFold, train_test_split
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

pipe = Pipeline([
    ("tfidf", TfidfVectorizer(sublinear_tf=True)),
    ("clf", LogisticRegression(max_iter=3000, class_weight="balanced")),
])
param_grid = [
    {"tfidf__analyzer": ["word"],
     "tfidf__ngram_range": [(1, 1), (1, 2), (1, 3)],
     "tfidf__min_df": [1, 3, 5],
     "clf__C": [0.3, 1.0, 3.0, 10.0]},
    {"tfidf__analyzer": ["char_wb"],
     "tfidf__ngram_range": [(3, 4), (3, 5), (3, 6)],
     "tfidf__min_df": [1, 3, 5],
     "clf__C": [0.3, 1.0, 3.0, 10.0]},
]
search = GridSearchCV(
    pipe, param_grid, scoring="f1_macro", n_jobs=-1,
    cv=StratifiedKFold(n_splits=5, shuffle=True, random_state=2024),
)
search.fit(train_df["text"], train_df["bench"])
best_params = search.best_params_
print("best setting:", best_params)
print(f"mean CV macro F1: {search.best_score_:.3f}")

preds = search.best_estimator_.predict(test_df["text"])
test_f1 = f1_score(test_df["bench"], preds, average="macro")
print(f"macro F1 on test tickets: {test_f1:.3f}")
print(classification_report(test_df["bench"], preds, digits=3))

with open("reports/bench_router_metrics.json", "w") as fh:
    json.dump({"macro_f1": round(test_f1, 4),
               "analyzer": best_params["tfidf__analyzer"],
               "ngram_range": list(best_params["tfidf__ngram_range"]),
               "min_df": best_params["tfidf__min_df"],
               "C": best_params["clf__C"], "n_test": int(len(test_df))}, fh, indent=2)
