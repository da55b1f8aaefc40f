# label: leakage/none
"""Cold-spot lethality (F0) surrogate for the rotary retort line.

Heat-penetration trials give the accumulated F0 at the can's cold spot for a
given process.  A small MLP maps process settings to F0 so that schedule
changes can be screened before booking a new trial on the retort.
"""
import copy

import numpy as np
import pandas as pd
import torch
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

FEATURES = [
    "retort_temp_c", "come_up_min", "hold_min", "cool_min", "initial_temp_c",
    "can_diameter_mm", "can_height_mm", "fill_g", "headspace_mm",
    "brine_ratio", "solids_pct", "viscosity_cp", "rotation_rpm",
    "overpressure_bar",
]
TARGET = "f0_min"
torch.manual_seed(0)


class LethalityNet(nn.Module):
    def __init__(self, n_in):
        super().__init__()
        self.body = nn.Sequential(
            nn.Linear(n_in, 64), nn.SiLU(), nn.Dropout(0.1),
            nn.Linear(64, 64), nn.SiLU(), nn.Dropout(0.1),
            nn.Linear(64, 1),
        )

    def forward(self, x):
        return self.body(x).squeeze(-1)


def to_tensors(X, y):
    return torch.tensor(X, dtype=torch.float32), torch.tensor(y, dtype=torch.float32)


def mae(model, X, y):
    model.eval()
    with torch.no_grad():
        pred = torch.expm1(model(X))
    return (pred - torch.expm1(y)).abs().mean().item()


trials = pd.read_csv("hp_trials/cold_spot_f0.csv")
trials = trials.dropna(subset=FEATURES + [TARGET])
trials = trials[trials["thermocouple_ok"]]
# several probed cans per run: the slowest-heating can defines the run
trials = trials.sort_values(TARGET).groupby("run_id", as_index=False).head(1)

X = trials[FEATURES].to_numpy()
y = np.log1p(trials[TARGET].to_numpy())

X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=0)
X_train, X_val, y_train, y_val = train_test_split(X_train, y_train, test_size=0.2, random_state=0)

scaler = StandardScaler().fit(X_train)
Xtr, ytr = to_tensors(scaler.transform(X_train), y_train)
Xva, yva = to_tensors(scaler.transform(X_val), y_val)
Xte, yte = to_tensors(scaler.transform(X_test), y_test)

loader = DataLoader(TensorDataset(Xtr, ytr), batch_size=32, shuffle=True)
model = LethalityNet(len(FEATURES))
opt = torch.optim.AdamW(model.parameters(), lr=2e-3, weight_decay=1e-4)
loss_fn = nn.SmoothL1Loss()

best_mae, best_epoch, best_state = float("inf"), -1, None
for epoch in range(400):
    model.train()
    for xb, yb in loader:
        opt.zero_grad()
        loss = loss_fn(model(xb), yb)
        loss.backward()
        opt.step()

    score = mae(model, Xva, yva)
    if score < best_mae:
        best_mae, best_epoch = score, epoch
        best_state = copy.deepcopy(model.state_dict())
    if epoch % 50 == 0:
        print(f"epoch {epoch:3d}  loss {loss.item():.4f}  val MAE {score:.2f} min")

model.load_state_dict(best_state)
print(f"best epoch {best_epoch}")
print(f"test MAE F0: {mae(model, Xte, yte):.2f} min")

torch.save({"state": model.state_dict(), "mean": scaler.mean_, "scale": scaler.scale_},
           "models/f0_mlp.pt")
