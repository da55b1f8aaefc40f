# label: leakage/none
"""Runtime-per-charge regression for the autonomous floor scrubber fleet.

Each row is one cleaning mission (from full charge to dock) uploaded by the
robots' telemetry gateway. Target: minutes of cleaning before the dock call.
"""
import numpy as np
import pandas as pd
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

torch.manual_seed(0)
np.random.seed(0)

SURFACES = ["vinyl", "ceramic", "concrete", "epoxy", "terrazzo", "rubber"]
NUMERIC = [
    "area_planned_m2", "brush_pressure_level", "solution_flow_l_min", "vacuum_level",
    "pack_cycle_count", "pack_age_days", "start_voltage", "ambient_temp_c",
    "ramp_count", "site_traffic_level", "speed_setting_m_s", "payload_kg",
]


def load_missions(path):
    df = pd.read_parquet(path)
    df = df[(df["runtime_min"] > 5) & (df["start_soc_pct"] >= 95)]
    surface = pd.get_dummies(pd.Categorical(df["surface"], categories=SURFACES), dtype=float)
    X = np.hstack([df[NUMERIC].to_numpy(dtype=np.float32), surface.to_numpy(np.float32)])
    y = df["runtime_min"].to_numpy(dtype=np.float32)
    return torch.from_numpy(X), torch.from_numpy(y).unsqueeze(1)


class RuntimeNet(nn.Module):
    def __init__(self, n_in):
        super().__init__()
        self.body = nn.Sequential(
            nn.Linear(n_in, 64), nn.ReLU(), nn.Dropout(0.1),
            nn.Linear(64, 32), nn.ReLU(),
            nn.Linear(32, 1),
        )

    def forward(self, x):
        return self.body(x)


def evaluate(model, X, y):
    model.eval()
    with torch.no_grad():
        pred = model(X)
    return (pred - y).abs().mean().item(), ((pred - y) ** 2).mean().sqrt().item()


X, y = load_missions("telemetry/scrubber_missions.parquet")
n_num = len(NUMERIC)

perm = torch.randperm(len(X))
n_test, n_val = int(0.15 * len(X)), int(0.15 * len(X))
test_idx, val_idx, train_idx = perm[:n_test], perm[n_test:n_test + n_val], perm[n_test + n_val:]

mu = X[train_idx, :n_num].mean(dim=0)
sd = X[train_idx, :n_num].std(dim=0).clamp_min(1e-6)
X[:, :n_num] = (X[:, :n_num] - mu) / sd

train_dl = DataLoader(TensorDataset(X[train_idx], y[train_idx]), batch_size=128, shuffle=True)
model = RuntimeNet(X.shape[1])
opt = torch.optim.AdamW(model.parameters(), lr=1e-3, weight_decay=1e-4)
loss_fn = nn.HuberLoss(delta=5.0)

best_val, best_state, patience = float("inf"), None, 0
for epoch in range(300):
    model.train()
    for xb, yb in train_dl:
        opt.zero_grad()
        loss = loss_fn(model(xb), yb)
        loss.backward()
        opt.step()
    val_mae, _ = evaluate(model, X[val_idx], y[val_idx])
    if val_mae < best_val - 0.01:
        best_val, patience = val_mae, 0
        best_state = {k: v.clone() for k, v in model.state_dict().items()}
    else:
        patience += 1
        if patience >= 20:
            break

model.load_state_dict(best_state)
test_mae, test_rmse = evaluate(model, X[test_idx], y[test_idx])
print(f"stopped at epoch {epoch}, best val MAE {best_val:.2f} min")
print(f"test MAE {test_mae:.2f} min, RMSE {test_rmse:.2f} min")
