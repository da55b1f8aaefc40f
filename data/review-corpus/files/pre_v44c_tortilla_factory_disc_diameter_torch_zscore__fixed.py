# label: leakage/none
"""Disc diameter model for the tortilla hot-press line.

Each row is one pilot-press trial: dough and press settings, and the mean
diameter of the pressed discs. The network is used to suggest press force and
dwell for new masa lots so the discs land inside the 200 +/- 3 mm spec.
"""
import numpy as np
import pandas as pd
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

FEATURES = [
    "dough_temp_c", "hydration_pct", "fat_pct", "dough_ball_g", "rest_minutes",
    "platen_top_c", "platen_bottom_c", "press_force_kn", "dwell_s",
    "masa_protein_pct", "line_speed_ppm", "ambient_rh_pct",
]
TARGET = "diameter_mm"
EPOCHS = 250

torch.manual_seed(12)


class DiscNet(nn.Module):
    def __init__(self, n_in: int, hidden: int = 48):
        super().__init__()
        self.net = nn.Sequential(
            nn.Linear(n_in, hidden), nn.SiLU(),
            nn.Linear(hidden, hidden), nn.SiLU(),
            nn.Linear(hidden, 1),
        )

    def forward(self, x):
        return self.net(x)


trials = pd.read_csv("qc/pilot_press_trials.csv").dropna(subset=FEATURES + [TARGET])
X = torch.tensor(trials[FEATURES].to_numpy(), dtype=torch.float32)
y = torch.tensor(trials[TARGET].to_numpy(), dtype=torch.float32).unsqueeze(1)

perm = torch.randperm(len(X))
n_test = int(0.2 * len(X))
test_idx, train_idx = perm[:n_test], perm[n_test:]

mu, sigma = X[train_idx].mean(dim=0), X[train_idx].std(dim=0).clamp_min(1e-6)
X = (X - mu) / sigma
X_train, y_train = X[train_idx], y[train_idx]
X_test, y_test = X[test_idx], y[test_idx]

loader = DataLoader(TensorDataset(X_train, y_train), batch_size=64, shuffle=True)
model = DiscNet(len(FEATURES))
with torch.no_grad():
    model.net[-1].bias.fill_(y_train.mean().item())
opt = torch.optim.AdamW(model.parameters(), lr=2e-3, weight_decay=1e-4)
sched = torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=EPOCHS)
loss_fn = nn.SmoothL1Loss()

for epoch in range(EPOCHS):
    model.train()
    running = 0.0
    for xb, yb in loader:
        opt.zero_grad()
        loss = loss_fn(model(xb), yb)
        loss.backward()
        opt.step()
        running += loss.item() * len(xb)
    sched.step()
    if epoch % 50 == 0:
        print(f"epoch {epoch:3d}  train loss {running / len(X_train):.3f}")

model.eval()
with torch.no_grad():
    pred = model(X_test).squeeze(1).numpy()
truth = y_test.squeeze(1).numpy()
err = pred - truth
print(f"test MAE      {np.abs(err).mean():.2f} mm")
print(f"test RMSE     {np.sqrt((err ** 2).mean()):.2f} mm")
print(f"within 3 mm   {(np.abs(err) <= 3).mean():.1%}")
in_spec_true = np.abs(truth - 200) <= 3
in_spec_pred = np.abs(pred - 200) <= 3
print(f"in-spec agreement {(in_spec_true == in_spec_pred).mean():.1%}")

torch.save({"state_dict": model.state_dict(), "mu": mu, "sigma": sigma, "features": FEATURES},
           "models/disc_diameter.pt")
