# label: leakage/none
"""Will an opening message on Tandemly get a reply within 48 hours?

Rows are first messages between two members who have not chatted before.
The score is meant for ranking suggested partners in the "say hello" screen.
"""
import numpy as np
import pandas as pd
import torch
import torch.nn as nn
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.preprocessing import StandardScaler
from torch.utils.data import DataLoader, Dataset

FEATURES = [
    "msg_chars", "msg_question_marks", "msg_in_target_language", "msg_has_emoji",
    "sender_profile_pct", "sender_days_active", "sender_photos", "sender_level_gap",
    "receiver_profile_pct", "receiver_hours_since_active", "receiver_open_requests",
    "shared_interests", "tz_diff_hours", "same_country", "hour_local_receiver",
]


class OpenerDataset(Dataset):
    def __init__(self, X, y):
        self.X = torch.as_tensor(X, dtype=torch.float32)
        self.y = torch.as_tensor(y, dtype=torch.float32)

    def __len__(self):
        return len(self.y)

    def __getitem__(self, i):
        return self.X[i], self.y[i]


class ReplyMLP(nn.Module):
    def __init__(self, n_in):
        super().__init__()
        self.net = nn.Sequential(
            nn.Linear(n_in, 64), nn.ReLU(), nn.Dropout(0.2),
            nn.Linear(64, 32), nn.ReLU(),
            nn.Linear(32, 1),
        )

    def forward(self, x):
        return self.net(x).squeeze(-1)


def load(path):
    df = pd.read_parquet(path)
    df["sent_at"] = pd.to_datetime(df["sent_at"], utc=True)
    df["replied_48h"] = (df["first_reply_minutes"] <= 48 * 60).astype(int)
    df["receiver_hours_since_active"] = df["receiver_hours_since_active"].clip(upper=24 * 30)
    df["msg_chars"] = np.log1p(df["msg_chars"])
    return df.sort_values("sent_at").reset_index(drop=True)


def main():
    torch.manual_seed(3)
    df = load("warehouse/opening_messages_2024.parquet")
    cut = df["sent_at"].quantile(0.85)
    # a reply outcome is only settled 48h after the message is sent
    train = df[df["sent_at"] < cut - pd.Timedelta(hours=48)]
    test = df[df["sent_at"] >= cut]

    scaler = StandardScaler().fit(train[FEATURES])
    X_tr = scaler.transform(train[FEATURES])
    X_te = scaler.transform(test[FEATURES])
    y_tr, y_te = train["replied_48h"].to_numpy(), test["replied_48h"].to_numpy()

    loader = DataLoader(OpenerDataset(X_tr, y_tr), batch_size=512, shuffle=True)
    model = ReplyMLP(len(FEATURES))
    pos_weight = torch.tensor((1 - y_tr.mean()) / y_tr.mean())
    loss_fn = nn.BCEWithLogitsLoss(pos_weight=pos_weight)
    opt = torch.optim.Adam(model.parameters(), lr=2e-3, weight_decay=1e-5)

    for epoch in range(12):
        model.train()
        running = 0.0
        for xb, yb in loader:
            opt.zero_grad()
            loss = loss_fn(model(xb), yb)
            loss.backward()
            opt.step()
            running += loss.item() * len(yb)
        print(f"epoch {epoch + 1:2d} loss {running / len(y_tr):.4f}")

    model.eval()
    with torch.no_grad():
        p = torch.sigmoid(model(torch.as_tensor(X_te, dtype=torch.float32))).numpy()

    print(f"reply rate (test) {y_te.mean():.3f}")
    print(f"ROC AUC {roc_auc_score(y_te, p):.3f}  PR AUC {average_precision_score(y_te, p):.3f}")
    top = np.argsort(-p)[: len(p) // 10]
    print(f"reply rate in top decile {y_te[top].mean():.3f}")


if __name__ == "__main__":
    main()
