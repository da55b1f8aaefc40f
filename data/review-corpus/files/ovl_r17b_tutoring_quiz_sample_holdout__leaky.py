# label: leakage/overlap
# twin: ovl_r17b_tutoring_quiz_sample_holdout__fixed.py
# source: hand-written for ai-ci, round 17 tuning probes (Apache-2.0)
"""Online tutoring: will a new learner pass the day-30 checkpoint quiz?

learners_first_month.csv has one row per learner; activity columns cover days 1-29.
"""
import numpy as np
import pandas as pd
import torch
from torch import nn
from torch.utils.data import TensorDataset, DataLoader
from sklearn.metrics import roc_auc_score, accuracy_score

torch.manual_seed(0)
DEVICE = "cuda" if torch.cuda.is_available() else "cpu"

NUMERIC = ["sessions_booked", "sessions_attended", "minutes_tutored", "homework_submitted",
           "avg_homework_score", "diag_test_score", "grade_level", "days_active",
           "parent_logins", "messages_to_tutor"]
CATEG = ["subject", "device", "acquisition_channel"]


def load(path="tutoring/learners_first_month.csv"):
    df = pd.read_csv(path)
    df["attendance_rate"] = df["sessions_attended"] / df["sessions_booked"].clip(lower=1)
    df = pd.get_dummies(df, columns=CATEG, dtype=float)
    df["passed"] = (df["checkpoint_quiz_pct"] >= 60).astype(int)
    return df.drop(columns=["checkpoint_quiz_pct"])


class Standardizer:
    def fit(self, a):
        self.mu = a.mean(axis=0)
        self.sd = a.std(axis=0) + 1e-6
        return self

    def __call__(self, a):
        return (a - self.mu) / self.sd


def to_loader(X, y, shuffle, bs=256):
    ds = TensorDataset(torch.tensor(X, dtype=torch.float32), torch.tensor(y, dtype=torch.float32))
    return DataLoader(ds, batch_size=bs, shuffle=shuffle)


df = load()
feature_cols = NUMERIC + ["attendance_rate"] + [c for c in df.columns if c.startswith(tuple(CATEG))]

df_train = df.sample(frac=0.8, random_state=7)
df_test = df.sample(frac=0.2, random_state=11)
print(len(df_train), len(df_test), "pass rate", df["passed"].mean().round(3))

scaler = Standardizer().fit(df_train[feature_cols].to_numpy())
X_tr = scaler(df_train[feature_cols].to_numpy())
X_te = scaler(df_test[feature_cols].to_numpy())
y_tr, y_te = df_train["passed"].to_numpy(), df_test["passed"].to_numpy()

net = nn.Sequential(
    nn.Linear(X_tr.shape[1], 64), nn.ReLU(), nn.Dropout(0.1),
    nn.Linear(64, 32), nn.ReLU(),
    nn.Linear(32, 1),
).to(DEVICE)
opt = torch.optim.AdamW(net.parameters(), lr=2e-3, weight_decay=1e-4)
loss_fn = nn.BCEWithLogitsLoss()

train_loader = to_loader(X_tr, y_tr, shuffle=True)
for epoch in range(25):
    net.train()
    total = 0.0
    for xb, yb in train_loader:
        xb, yb = xb.to(DEVICE), yb.to(DEVICE)
        opt.zero_grad()
        loss = loss_fn(net(xb).squeeze(1), yb)
        loss.backward()
        opt.step()
        total += loss.item() * len(xb)
    if epoch % 5 == 4:
        print(f"epoch {epoch + 1:02d}  train loss {total / len(X_tr):.4f}")

net.eval()
with torch.no_grad():
    logits = net(torch.tensor(X_te, dtype=torch.float32, device=DEVICE)).squeeze(1)
    p = torch.sigmoid(logits).cpu().numpy()

print("holdout AUC:", round(roc_auc_score(y_te, p), 4))
print("holdout acc:", round(accuracy_score(y_te, p > 0.5), 4))
