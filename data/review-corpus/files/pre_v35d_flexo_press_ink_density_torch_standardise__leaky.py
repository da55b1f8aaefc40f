# label: leakage/preprocessing
"""Predict solid ink density (cyan station) on the flexo press from make-ready settings.

One row per print job: anilox, impression, ink and substrate settings logged at
make-ready, and the densitometer reading from the first approved sheet.
"""
import numpy as np
import pandas as pd
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

torch.manual_seed(0)

FEATURES = [
    "anilox_bcm", "anilox_lpi", "impression_plate_um", "impression_anilox_um",
    "line_speed_mpm", "ink_viscosity_s", "ink_temp_c", "dryer_temp_c",
    "plate_age_jobs", "doctor_blade_hours", "substrate_gsm", "surface_energy_dyn",
    "substrate_film", "substrate_paper", "press_2",
]
TARGET = "solid_density_cyan"


def load_jobs(path):
    df = pd.read_csv(path)
    df = df[df["station"] == "cyan"].drop_duplicates("job_id")
    df["substrate_film"] = df["substrate"].isin(["BOPP", "PE", "PET"]).astype(int)
    df["substrate_paper"] = (df["substrate"] == "paper").astype(int)
    df["press_2"] = (df["press"] == "P2").astype(int)
    return df.dropna(subset=FEATURES + [TARGET])


class DensityNet(nn.Module):
    def __init__(self, n_in):
        super().__init__()
        self.net = nn.Sequential(
            nn.Linear(n_in, 64), nn.ReLU(), nn.Dropout(0.1),
            nn.Linear(64, 32), nn.ReLU(),
            nn.Linear(32, 1),
        )

    def forward(self, x):
        return self.net(x)


jobs = load_jobs("press_logs/flexo_jobs_2023.csv")
X = torch.tensor(jobs[FEATURES].to_numpy(), dtype=torch.float32)
y = torch.tensor(jobs[TARGET].to_numpy(), dtype=torch.float32).unsqueeze(1)

perm = torch.randperm(len(X), generator=torch.Generator().manual_seed(0))
n_test = int(0.2 * len(X))
test_idx, train_idx = perm[:n_test], perm[n_test:]

mean = X.mean(dim=0)
std = X.std(dim=0).clamp_min(1e-6)
X = (X - mean) / std

train_loader = DataLoader(TensorDataset(X[train_idx], y[train_idx]), batch_size=64, shuffle=True)
X_test, y_test = X[test_idx], y[test_idx]

model = DensityNet(len(FEATURES))
optimiser = torch.optim.AdamW(model.parameters(), lr=2e-3, weight_decay=1e-4)
scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimiser, T_max=120)
loss_fn = nn.SmoothL1Loss(beta=0.05)

for epoch in range(120):
    model.train()
    running = 0.0
    for xb, yb in train_loader:
        optimiser.zero_grad()
        loss = loss_fn(model(xb), yb)
        loss.backward()
        optimiser.step()
        running += loss.item() * len(xb)
    scheduler.step()
    if epoch % 20 == 0:
        print(f"epoch {epoch:3d}  train loss {running / len(train_idx):.5f}")

model.eval()
with torch.no_grad():
    pred = model(X_test)
err = (pred - y_test).squeeze(1).numpy()
ss_res = float(((pred - y_test) ** 2).sum())
ss_tot = float(((y_test - y_test.mean()) ** 2).sum())
print(f"test MAE:  {np.abs(err).mean():.4f} D")
print(f"test R^2:  {1 - ss_res / ss_tot:.3f}")
print(f"share within +/-0.05 D: {(np.abs(err) <= 0.05).mean():.1%}")
