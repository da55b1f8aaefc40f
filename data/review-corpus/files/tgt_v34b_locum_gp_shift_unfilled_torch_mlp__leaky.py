# label: leakage/target
"""Unfilled locum GP sessions.

Sessions posted by member practices on the federation's locum booking board.
Label: the session was still unfilled 48 hours before it started. The score
is computed when a practice posts a session, so the rota team can suggest a
rate or a different day straight away.
"""
import numpy as np
import pandas as pd
import torch
from torch import nn
from torch.utils.data import DataLoader, Dataset
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.preprocessing import StandardScaler

torch.manual_seed(0)

FEATURES = [
    "lead_time_days", "posted_rate_per_hour", "session_hours", "is_pm", "is_monday",
    "is_friday", "days_to_bank_holiday", "practice_list_size", "rurality_index",
    "drive_minutes_from_city", "home_visits_expected", "school_holiday",
    "posted_in_december", "rate_vs_guide",
]


class SessionData(Dataset):
    def __init__(self, X, y):
        self.X = torch.tensor(X, dtype=torch.float32)
        self.y = torch.tensor(y, dtype=torch.float32)

    def __len__(self):
        return len(self.y)

    def __getitem__(self, i):
        return self.X[i], self.y[i]


def prepare(path):
    df = pd.read_csv(path, parse_dates=["posted_at", "session_start"])
    df["lead_time_days"] = (df["session_start"] - df["posted_at"]).dt.total_seconds() / 86400
    df["is_pm"] = (df["session_start"].dt.hour >= 13).astype(int)
    df["is_monday"] = (df["session_start"].dt.dayofweek == 0).astype(int)
    df["is_friday"] = (df["session_start"].dt.dayofweek == 4).astype(int)
    df["posted_in_december"] = (df["posted_at"].dt.month == 12).astype(int)
    # federation's published guide rate for the area and financial year
    df["rate_vs_guide"] = df["posted_rate_per_hour"] / df["guide_rate_per_hour"]
    df["rate_uplift_pct"] = df["final_rate_per_hour"] / df["posted_rate_per_hour"] - 1
    df["unfilled_48h"] = df["unfilled_48h"].astype(int)
    return df.sort_values("posted_at").reset_index(drop=True)


df = prepare("locum_sessions_2021_2024.csv")
cols = FEATURES + ["rate_uplift_pct"]

cutoff = pd.Timestamp("2024-01-01")
train_df = df[df["session_start"] < cutoff]
test_df = df[df["posted_at"] >= cutoff]

scaler = StandardScaler().fit(train_df[cols])
X_train = scaler.transform(train_df[cols])
X_test = scaler.transform(test_df[cols])
y_train = train_df["unfilled_48h"].to_numpy()
y_test = test_df["unfilled_48h"].to_numpy()

net = nn.Sequential(
    nn.Linear(len(cols), 48), nn.ReLU(), nn.BatchNorm1d(48),
    nn.Linear(48, 24), nn.ReLU(),
    nn.Linear(24, 1),
)
loss_fn = nn.BCEWithLogitsLoss(pos_weight=torch.tensor((1 - y_train.mean()) / y_train.mean()))
opt = torch.optim.Adam(net.parameters(), lr=2e-3, weight_decay=1e-5)
loader = DataLoader(SessionData(X_train, y_train), batch_size=128, shuffle=True)

for epoch in range(30):
    net.train()
    total = 0.0
    for xb, yb in loader:
        opt.zero_grad()
        loss = loss_fn(net(xb).squeeze(1), yb)
        loss.backward()
        opt.step()
        total += loss.item() * len(yb)
    if epoch % 5 == 4:
        print(f"epoch {epoch + 1}: train loss {total / len(y_train):.4f}")

net.eval()
with torch.no_grad():
    p = torch.sigmoid(net(torch.tensor(X_test, dtype=torch.float32)).squeeze(1)).numpy()
print(f"2024 sessions: {len(y_test)}, unfilled share {y_test.mean():.1%}")
print(f"ROC AUC {roc_auc_score(y_test, p):.3f}  PR AUC {average_precision_score(y_test, p):.3f}")
torch.save(net.state_dict(), "locum_unfilled_mlp.pt")
