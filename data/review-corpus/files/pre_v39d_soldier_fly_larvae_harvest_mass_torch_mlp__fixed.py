# label: leakage/none
"""Black soldier fly rearing: predict harvested larval mass per crate.

Each crate is seeded with 5-day-old larvae and fed a blended substrate; at day
12-16 the crate is sieved and the fresh larval mass weighed. The model helps the
feed planner choose substrate blends for the week.
"""
import numpy as np
import pandas as pd
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

torch.manual_seed(0)

FEATURES = [
    "substrate_kg", "substrate_moisture_pct", "substrate_protein_pct",
    "substrate_fibre_pct", "brewers_grain_share", "vegetable_waste_share",
    "bakery_waste_share", "seed_larvae_g", "larval_density_per_cm2",
    "room_temp_c", "room_rh_pct", "substrate_depth_cm", "planned_days_to_harvest",
    "scheduled_feedings",
]
TARGET = "harvest_mass_kg"


class CrateMLP(nn.Module):
    def __init__(self, n_in):
        super().__init__()
        self.net = nn.Sequential(
            nn.Linear(n_in, 64), nn.ReLU(),
            nn.Linear(64, 32), nn.ReLU(),
            nn.Linear(32, 1),
        )

    def forward(self, x):
        return self.net(x)


def train_model(model, loader, epochs=150, lr=2e-3):
    opt = torch.optim.AdamW(model.parameters(), lr=lr, weight_decay=1e-4)
    loss_fn = nn.SmoothL1Loss()
    for epoch in range(epochs):
        model.train()
        total = 0.0
        for xb, yb in loader:
            opt.zero_grad()
            loss = loss_fn(model(xb), yb)
            loss.backward()
            opt.step()
            total += loss.item() * len(xb)
        if epoch % 25 == 0:
            print(f"epoch {epoch:3d}  train loss {total / len(loader.dataset):.4f}")
    return model


crates = pd.read_csv("rearing/crate_log_2023_2024.csv")
crates = crates[(crates[TARGET] > 0) & crates["sieving_complete"]]
crates = crates.dropna(subset=FEATURES)

X = torch.tensor(crates[FEATURES].to_numpy(), dtype=torch.float32)
y = torch.tensor(np.log(crates[TARGET].to_numpy()), dtype=torch.float32).unsqueeze(1)

g = torch.Generator().manual_seed(0)
perm = torch.randperm(len(X), generator=g)
n_test = int(0.2 * len(X))
test_idx, train_idx = perm[:n_test], perm[n_test:]

mu, sigma = X[train_idx].mean(dim=0), X[train_idx].std(dim=0)
X = (X - mu) / sigma.clamp(min=1e-6)

train_loader = DataLoader(TensorDataset(X[train_idx], y[train_idx]), batch_size=64, shuffle=True)
model = train_model(CrateMLP(X.shape[1]), train_loader)

model.eval()
with torch.no_grad():
    pred_kg = torch.exp(model(X[test_idx])).squeeze(1).numpy()
true_kg = torch.exp(y[test_idx]).squeeze(1).numpy()

mae = np.mean(np.abs(pred_kg - true_kg))
mape = np.mean(np.abs(pred_kg - true_kg) / true_kg)
bias = np.mean(pred_kg - true_kg)
print(f"test crates: {n_test}")
print(f"MAE  {mae:.2f} kg/crate")
print(f"MAPE {mape:.1%}")
print(f"bias {bias:+.2f} kg/crate")
