# label: leakage/none
import json

import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.metrics import ndcg_score
from sklearn.model_selection import GroupShuffleSplit

FEATURES = [
    "bm25_title", "bm25_ingredients", "title_exact_match", "cuisine_match",
    "diet_tag_match", "avg_rating", "log_n_reviews", "prep_minutes",
    "n_ingredients", "photo_score", "days_since_published", "author_followers_log",
]

OBJECTIVES = {
    "pairwise": {"objective": "rank:pairwise"},
    "ndcg": {"objective": "rank:ndcg", "lambdarank_pair_method": "topk", "lambdarank_num_pair_per_sample": 10},
    "map": {"objective": "rank:map"},
    "ndcg_mean": {"objective": "rank:ndcg", "lambdarank_pair_method": "mean"},
}


def load_judgements(path):
    df = pd.read_parquet(path)
    # graded relevance from the session: 3 = saved, 2 = cooked-mode opened, 1 = click, 0 = shown
    df["relevance"] = df["relevance"].astype(int)
    df = df.groupby("query_id").filter(lambda g: len(g) >= 5 and g["relevance"].max() > 0)
    return df.sort_values(["query_id", "rank_shown"]).reset_index(drop=True)


def split_by_query(df, test_size, seed):
    gss = GroupShuffleSplit(n_splits=1, test_size=test_size, random_state=seed)
    a, b = next(gss.split(df, groups=df["query_id"]))
    return df.iloc[a].reset_index(drop=True), df.iloc[b].reset_index(drop=True)


def mean_ndcg(df, scores, k=10):
    out = []
    for _, idx in df.groupby("query_id").indices.items():
        out.append(ndcg_score([df["relevance"].to_numpy()[idx]], [scores[idx]], k=k))
    return float(np.mean(out))


def fit_ranker(train, params):
    ranker = xgb.XGBRanker(
        n_estimators=600,
        learning_rate=0.05,
        max_depth=6,
        subsample=0.8,
        colsample_bytree=0.8,
        tree_method="hist",
        random_state=3,
        **params,
    )
    ranker.fit(train[FEATURES], train["relevance"], qid=train["query_id"])
    return ranker


judgements = load_judgements("data/recipe_search_judgements.parquet")
dev, test = split_by_query(judgements, test_size=0.2, seed=3)
train, valid = split_by_query(dev, test_size=0.2, seed=4)
print(f"train queries: {train.query_id.nunique()}  valid queries: {valid.query_id.nunique()}  "
      f"test queries: {test.query_id.nunique()}")

results = {}
for name, params in OBJECTIVES.items():
    ranker = fit_ranker(train, params)
    results[name] = mean_ndcg(valid, ranker.predict(valid[FEATURES]))
    print(f"{name:>10}  ndcg@10={results[name]:.4f}")

best = max(results, key=results.get)
final = fit_ranker(dev, OBJECTIVES[best])
test_ndcg = mean_ndcg(test, final.predict(test[FEATURES]))
bm25_only = mean_ndcg(test, test["bm25_title"].to_numpy() + test["bm25_ingredients"].to_numpy())
print(f"shipping objective '{best}'")
print(f"ndcg@10 {test_ndcg:.4f} vs bm25 baseline {bm25_only:.4f}")

with open("reports/ranker_offline_eval.json", "w") as fh:
    json.dump({"objective": best, "ndcg@10": test_ndcg, "bm25_ndcg@10": bm25_only}, fh, indent=2)
