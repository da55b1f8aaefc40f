# label: leakage/none
# twin: pre_torch_tensor_norm__leaky.py
# source: hand-written for ai-ci held-out v2 (Apache-2.0)
import pandas as pd
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset, random_split

table = pd.read_csv("energy_efficiency.csv")
inputs = torch.tensor(table.drop(columns=["heating_load"]).values, dtype=torch.float32)
targets = torch.tensor(table[["heating_load"]].values, dtype=torch.float32)

train_idx, test_idx = random_split(range(len(inputs)), [0.8, 0.2], generator=torch.Generator().manual_seed(3))
train_idx, test_idx = list(train_idx), list(test_idx)
mean, std = inputs[train_idx].mean(dim=0), inputs[train_idx].std(dim=0)
inputs = (inputs - mean) / std

train_ds = TensorDataset(inputs[train_idx], targets[train_idx])
test_ds = TensorDataset(inputs[test_idx], targets[test_idx])
train_dl = DataLoader(train_ds, batch_size=32, shuffle=True)
test_dl = DataLoader(test_ds, batch_size=256)

torch.manual_seed(3)
mlp = nn.Sequential(nn.Linear(inputs.shape[1], 32), nn.Tanh(), nn.Linear(32, 1))
optim = torch.optim.Adam(mlp.parameters(), lr=1e-2)
for epoch in range(300):
    for xb, yb in train_dl:
        optim.zero_grad()
        nn.functional.mse_loss(mlp(xb), yb).backward()
        optim.step()

with torch.no_grad():
    mse = sum(nn.functional.mse_loss(mlp(xb), yb, reduction="sum").item() for xb, yb in test_dl) / len(test_ds)
print("test RMSE", mse ** 0.5)
