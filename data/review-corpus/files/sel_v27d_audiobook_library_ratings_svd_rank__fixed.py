# label: leakage/none
"""Predict audiobook star ratings for library members with a truncated-SVD factor model."""
import numpy as np
import pandas as pd

ratings = pd.read_csv("audiobook_ratings.csv", parse_dates=["rated_at"])
ratings = ratings.dropna(subset=["stars"])
ratings = ratings[ratings["listened_pct"] >= 10]
ratings = ratings.sort_values("rated_at").drop_duplicates(["member_id", "title_id"], keep="last")

cutoff = pd.Timestamp("2024-03-01")
train = ratings[ratings["rated_at"] < cutoff].copy()
test = ratings[ratings["rated_at"] >= cutoff].copy()
print(f"{len(train)} train ratings, {len(test)} test ratings")

# last two months of the training period are used to pick the rank
val_cutoff = pd.Timestamp("2024-01-01")
fit_part = train[train["rated_at"] < val_cutoff]
val_part = train[train["rated_at"] >= val_cutoff]

members = {m: i for i, m in enumerate(train["member_id"].unique())}
titles = {t: j for j, t in enumerate(train["title_id"].unique())}


def build_matrix(frame):
    """Dense member x title matrix of bias-removed stars."""
    mu = frame["stars"].mean()
    member_bias = frame.groupby("member_id")["stars"].mean() - mu
    after_member = frame["stars"] - mu - frame["member_id"].map(member_bias)
    title_bias = after_member.groupby(frame["title_id"]).mean()
    resid = after_member - frame["title_id"].map(title_bias)
    mat = np.zeros((len(members), len(titles)))
    mat[frame["member_id"].map(members).to_numpy(), frame["title_id"].map(titles).to_numpy()] = resid.to_numpy()
    return mat, mu, member_bias, title_bias


class SVDRecommender:
    def __init__(self, rank):
        self.rank = rank

    def fit(self, frame):
        mat, self.mu, self.member_bias, self.title_bias = build_matrix(frame)
        u, s, vt = np.linalg.svd(mat, full_matrices=False)
        self.recon = (u[:, : self.rank] * s[: self.rank]) @ vt[: self.rank]
        return self

    def predict(self, frame):
        pred = np.full(len(frame), self.mu)
        pred += frame["member_id"].map(self.member_bias).fillna(0.0).to_numpy()
        pred += frame["title_id"].map(self.title_bias).fillna(0.0).to_numpy()
        mi = frame["member_id"].map(members).to_numpy(dtype=float)
        ti = frame["title_id"].map(titles).to_numpy(dtype=float)
        known = ~np.isnan(mi) & ~np.isnan(ti)
        pred[known] += self.recon[mi[known].astype(int), ti[known].astype(int)]
        return np.clip(pred, 1.0, 5.0)


def rmse(y, p):
    return float(np.sqrt(np.mean((np.asarray(y, dtype=float) - p) ** 2)))


scores = {}
for rank in [2, 5, 10, 20, 40, 80]:
    model = SVDRecommender(rank).fit(fit_part)
    scores[rank] = rmse(val_part["stars"], model.predict(val_part))
    print(f"rank {rank:3d}  val rmse {scores[rank]:.4f}")

best_rank = min(scores, key=scores.get)
final = SVDRecommender(best_rank).fit(train)
baseline = rmse(test["stars"], np.full(len(test), train["stars"].mean()))
print("chosen rank:", best_rank)
print("global-mean baseline rmse:", round(baseline, 4))
print("test rmse:", round(rmse(test["stars"], final.predict(test)), 4))
