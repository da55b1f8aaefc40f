# label: leakage/selection
"""Recommend the next hiking trail a user will log, using item-based nearest neighbours."""
import numpy as np
import pandas as pd
from scipy import sparse

logs = pd.read_csv("trail_app_logs.csv", parse_dates=["completed_at"])
trails = pd.read_csv("trail_catalogue.csv")

logs = logs[logs["trail_id"].isin(trails["trail_id"])]
logs = logs.sort_values(["user_id", "completed_at"]).drop_duplicates(["user_id", "trail_id"], keep="first")
logs = logs.reset_index(drop=True)

TEST_START = pd.Timestamp("2024-05-01")


def next_trail(before, after, min_history=3):
    counts = before.groupby("user_id").size()
    keep = counts[counts >= min_history].index
    return after[after["user_id"].isin(keep)].groupby("user_id").head(1)


# history up to the cutoff, target is each user's first new trail afterwards
history = logs[logs["completed_at"] < TEST_START]
holdout = next_trail(history, logs[logs["completed_at"] >= TEST_START])

user_index = {u: i for i, u in enumerate(logs["user_id"].unique())}
trail_index = {t: i for i, t in enumerate(trails["trail_id"])}


def interaction_matrix(frame):
    rows = frame["user_id"].map(user_index).to_numpy()
    cols = frame["trail_id"].map(trail_index).to_numpy()
    vals = np.ones(len(frame), dtype=np.float32)
    return sparse.csr_matrix((vals, (rows, cols)), shape=(len(user_index), len(trail_index)))


def item_similarity(mat, shrink):
    co = (mat.T @ mat).toarray()
    counts = np.diag(co).copy()
    norm = np.sqrt(np.outer(counts, counts)) + shrink
    sim = co / np.where(norm == 0, 1, norm)
    np.fill_diagonal(sim, 0.0)
    return sim


def recommend_scores(mat, sim, k):
    pruned = sim.copy()
    if k < pruned.shape[1]:
        cutoff = np.partition(pruned, -k, axis=1)[:, -k][:, None]
        pruned[pruned < cutoff] = 0.0
    scores = np.asarray(mat @ pruned)
    scores[mat.nonzero()] = -np.inf
    return scores


def hit_rate(scores, target_frame, top_n=10):
    top = np.argsort(-scores, axis=1)[:, :top_n]
    hits = []
    for _, row in target_frame.iterrows():
        u = user_index[row["user_id"]]
        hits.append(trail_index[row["trail_id"]] in top[u])
    return float(np.mean(hits))


train_mat = interaction_matrix(history)

results = {}
for shrink in (0.0, 5.0, 20.0, 50.0):
    sim = item_similarity(train_mat, shrink)
    for k in (10, 25, 50, 100, 200):
        scores = recommend_scores(train_mat, sim, k)
        results[(shrink, k)] = hit_rate(scores, holdout)
        print(f"shrink={shrink:>5} k={k:>4}  HR@10={results[(shrink, k)]:.4f}")

best_shrink, best_k = max(results, key=results.get)
print(f"Best setting: shrink={best_shrink}, k={best_k}")

sim = item_similarity(train_mat, best_shrink)
final_scores = recommend_scores(train_mat, sim, best_k)
popular = history["trail_id"].value_counts().index[:10].map(trail_index).to_numpy()
pop_hits = np.mean([trail_index[t] in popular for t in holdout["trail_id"]])
print(f"Popularity baseline HR@10: {pop_hits:.4f}")
print(f"Item-kNN HR@10 on held-out trails: {hit_rate(final_scores, holdout):.4f}")
