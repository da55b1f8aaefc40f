# label: leakage/none
import lightgbm as lgb
import numpy as np
import pandas as pd
import scipy.sparse as sp
from sklearn.decomposition import TruncatedSVD
from sklearn.metrics import log_loss, roc_auc_score

CUTOFF = pd.Timestamp("2024-03-01")
N_COMPONENTS = 24


class PlayEmbedder:
    """Low-rank user x course embeddings from play counts."""

    def __init__(self, n_components=N_COMPONENTS, seed=0):
        self.svd = TruncatedSVD(n_components=n_components, random_state=seed)

    def fit(self, sessions):
        self.users = {u: i for i, u in enumerate(sessions["user_id"].unique())}
        self.courses = {c: i for i, c in enumerate(sessions["course_id"].unique())}
        counts = sessions.groupby(["user_id", "course_id"]).size()
        rows = counts.index.get_level_values(0).map(self.users)
        cols = counts.index.get_level_values(1).map(self.courses)
        mat = sp.csr_matrix((np.log1p(counts.to_numpy()), (rows, cols)),
                            shape=(len(self.users), len(self.courses)))
        self.user_vecs = self.svd.fit_transform(mat)
        self.course_vecs = self.svd.components_.T
        return self

    def transform(self, df):
        k = self.user_vecs.shape[1]
        u_idx = df["user_id"].map(self.users)
        c_idx = df["course_id"].map(self.courses)
        U = np.zeros((len(df), k))
        C = np.zeros((len(df), k))
        known_u, known_c = u_idx.notna().to_numpy(), c_idx.notna().to_numpy()
        U[known_u] = self.user_vecs[u_idx[known_u].astype(int)]
        C[known_c] = self.course_vecs[c_idx[known_c].astype(int)]
        out = pd.DataFrame(np.hstack([U, C]), index=df.index,
                           columns=[f"u{i}" for i in range(k)] + [f"c{i}" for i in range(k)])
        out["affinity"] = (U * C).sum(axis=1)
        return out


sessions = pd.read_parquet("warehouse/meditation_sessions.parquet")
sessions = sessions[sessions["planned_minutes"].between(3, 60)]
sessions["hour"] = sessions["started_at"].dt.hour
sessions["weekday"] = sessions["started_at"].dt.weekday
for col in ("device", "voice", "course_category"):
    sessions[col] = sessions[col].astype("category")

BASE = ["planned_minutes", "hour", "weekday", "device", "voice", "course_category",
        "days_since_signup", "sessions_prev_7d", "streak_days", "is_trial"]

train = sessions[sessions["started_at"] < CUTOFF]
test = sessions[sessions["started_at"] >= CUTOFF]

embedder = PlayEmbedder().fit(train)
X_train = pd.concat([train[BASE], embedder.transform(train)], axis=1)
X_test = pd.concat([test[BASE], embedder.transform(test)], axis=1)

model = lgb.LGBMClassifier(n_estimators=700, learning_rate=0.03, num_leaves=63,
                           min_child_samples=50, subsample=0.8, subsample_freq=1,
                           colsample_bytree=0.7, verbose=-1)
model.fit(X_train, train["completed"])

p = model.predict_proba(X_test)[:, 1]
print(f"test sessions: {len(test):,}  completion rate: {test['completed'].mean():.3f}")
print(f"AUC {roc_auc_score(test['completed'], p):.4f}  logloss {log_loss(test['completed'], p):.4f}")

imp = pd.Series(model.booster_.feature_importance("gain"), index=X_train.columns)
print(imp.sort_values(ascending=False).head(15).round(0))
