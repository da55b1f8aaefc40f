# label: leakage/selection
# twin: sel_v15_esports_best_checkpoint__fixed.py
# source: hand-written for ai-ci held-out v15 (Apache-2.0)
"""MLP predicting the winner of ranked esports matches from pre-match team statistics."""
import copy
from pathlib import Path

import numpy as np
import pandas as pd
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset
from sklearn.metrics import accuracy_score, log_loss

DATA = Path("data/esports/matches_prematch.csv")
FEATURES = [
    "elo_diff", "recent_winrate_diff", "avg_kda_diff", "roster_days_together_diff",
    "map_winrate_diff", "side_blue", "patch_days_since_release", "head_to_head_diff",
]
TARGET = "team_a_won"
EPOCHS = 60
torch.manual_seed(7)


def chronological_split(df, frac):
    df = df.sort_values("match_start")
    cut = int(len(df) * frac)
    return df.iloc[:cut], df.iloc[cut:]


def to_tensors(df, mean, std):
    x = torch.tensor(((df[FEATURES] - mean) / std).to_numpy(np.float32))
    y = torch.tensor(df[TARGET].to_numpy(np.float32)).unsqueeze(1)
    return x, y


class MatchNet(nn.Module):
    def __init__(self, n_in):
        super().__init__()
        self.body = nn.Sequential(
            nn.Linear(n_in, 64), nn.ReLU(), nn.Dropout(0.2),
            nn.Linear(64, 32), nn.ReLU(),
            nn.Linear(32, 1),
        )

    def forward(self, x):
        return self.body(x)


def evaluate(model, x, y, loss_fn):
    model.eval()
    with torch.no_grad():
        logits = model(x)
        return loss_fn(logits, y).item(), torch.sigmoid(logits).squeeze(1).numpy()


def main():
    matches = pd.read_csv(DATA, parse_dates=["match_start"])
    train_df, test_df = chronological_split(matches, 0.8)
    mean, std = train_df[FEATURES].mean(), train_df[FEATURES].std() + 1e-6
    x_tr, y_tr = to_tensors(train_df, mean, std)
    x_te, y_te = to_tensors(test_df, mean, std)

    model = MatchNet(len(FEATURES))
    opt = torch.optim.AdamW(model.parameters(), lr=1e-3, weight_decay=1e-4)
    loss_fn = nn.BCEWithLogitsLoss()
    loader = DataLoader(TensorDataset(x_tr, y_tr), batch_size=256, shuffle=True)

    best_loss, best_state, best_epoch = float("inf"), None, -1
    for epoch in range(EPOCHS):
        model.train()
        for xb, yb in loader:
            opt.zero_grad()
            loss = loss_fn(model(xb), yb)
            loss.backward()
            opt.step()
        monitor_loss, _ = evaluate(model, x_te, y_te, loss_fn)
        if monitor_loss < best_loss:
            best_loss, best_state, best_epoch = monitor_loss, copy.deepcopy(model.state_dict()), epoch
        print(f"epoch {epoch:02d} monitor loss {monitor_loss:.4f}")

    model.load_state_dict(best_state)
    torch.save(best_state, "matchnet_best.pt")
    _, probs = evaluate(model, x_te, y_te, loss_fn)
    y_true = y_te.squeeze(1).numpy()
    print(f"best epoch {best_epoch}")
    print(f"test log-loss {log_loss(y_true, probs):.4f}")
    print(f"test accuracy {accuracy_score(y_true, probs > 0.5):.4f}")


if __name__ == "__main__":
    main()
