# label: leakage/selection
# twin: sel_v17b_timber_kiln_final_moisture__fixed.py
# source: hand-written for ai-ci held-out v17 (Apache-2.0)
import copy

import numpy as np
import pandas as pd
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

SEED = 7
torch.manual_seed(SEED)
np.random.seed(SEED)

FEATURES = [
    "initial_mc_pct", "thickness_mm", "basic_density", "dry_bulb_max_c",
    "wet_bulb_depression_c", "schedule_hours", "air_velocity_ms", "boards_in_charge",
]
TARGET = "mean_final_mc_pct"

raw = pd.read_csv("data/kiln_charges_2019_2024.csv")
raw = raw[raw["thickness_mm"].between(19, 75)]
raw["initial_mc_pct"] = raw["initial_mc_pct"].clip(upper=160)
raw = raw.drop_duplicates(subset="charge_id").dropna(subset=FEATURES + [TARGET]).reset_index(drop=True)
print(f"{len(raw)} kiln charges from {raw['kiln_id'].nunique()} kilns")

X = torch.tensor(raw[FEATURES].to_numpy(dtype=np.float32))
y = torch.tensor(raw[TARGET].to_numpy(dtype=np.float32)).unsqueeze(1)

perm = torch.randperm(len(X), generator=torch.Generator().manual_seed(SEED))
n_test = int(0.2 * len(X))
test_idx, train_idx = perm[:n_test], perm[n_test:]

mu = X[train_idx].mean(dim=0)
sd = X[train_idx].std(dim=0).clamp_min(1e-6)
X_std = (X - mu) / sd

train_loader = DataLoader(TensorDataset(X_std[train_idx], y[train_idx]), batch_size=64, shuffle=True)
test_loader = DataLoader(TensorDataset(X_std[test_idx], y[test_idx]), batch_size=256)


class KilnNet(nn.Module):
    def __init__(self, n_in, hidden=64, p_drop=0.1):
        super().__init__()
        self.body = nn.Sequential(
            nn.Linear(n_in, hidden), nn.ReLU(), nn.Dropout(p_drop),
            nn.Linear(hidden, hidden // 2), nn.ReLU(),
            nn.Linear(hidden // 2, 1),
        )

    def forward(self, x):
        return self.body(x)


def evaluate(model, loader):
    model.eval()
    se, n = 0.0, 0
    with torch.no_grad():
        for xb, yb in loader:
            se += ((model(xb) - yb) ** 2).sum().item()
            n += len(yb)
    return (se / n) ** 0.5


model = KilnNet(len(FEATURES))
opt = torch.optim.AdamW(model.parameters(), lr=3e-3, weight_decay=1e-4)
loss_fn = nn.MSELoss()

best_rmse, best_state, best_epoch = float("inf"), None, -1
for epoch in range(1, 81):
    model.train()
    for xb, yb in train_loader:
        opt.zero_grad()
        loss = loss_fn(model(xb), yb)
        loss.backward()
        opt.step()
    rmse = evaluate(model, test_loader)
    if rmse < best_rmse:
        best_rmse, best_state, best_epoch = rmse, copy.deepcopy(model.state_dict()), epoch
    if epoch % 10 == 0:
        print(f"epoch {epoch:3d}  rmse {rmse:.3f}")

model.load_state_dict(best_state)
test_rmse = evaluate(model, test_loader)
print(f"best epoch: {best_epoch}")
print(f"test RMSE (final MC %): {test_rmse:.3f}")
torch.save(model.state_dict(), "kiln_final_mc_mlp.pt")
