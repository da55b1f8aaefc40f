# label: leakage/preprocessing
# twin: pre_torch_tensor_norm__fixed.py
# source: hand-written for ai-ci held-out v2 (Apache-2.0)
import pandas as pd
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset, random_split

table = pd.read_csv("energy_efficiency.csv")
inputs = torch.tensor(table.drop(columns=["heating_load"]).values, dtype=torch.float32)
targets = torch.tensor(table[["heating_load"]].values, dtype=torch.float32)

inputs = (inputs - inputs.mean(dim=0)) / inputs.std(dim=0)

dataset = TensorDataset(inputs, targets)
train_ds, test_ds = random_split(dataset, [0.8, 0.2], generator=torch.Generator().manual_seed(3))
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
