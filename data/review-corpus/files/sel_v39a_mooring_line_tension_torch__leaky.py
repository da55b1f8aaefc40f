# label: leakage/selection
"""Peak mooring-line tension surrogate for a spread-moored FPSO.

Regresses the 3-hour maximum tension on the most loaded line from hindcast
met-ocean parameters, as a quick screen ahead of full time-domain analysis.
"""
import copy

import numpy as np
import pandas as pd
import torch
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

torch.manual_seed(0)
DEVICE = "cuda" if torch.cuda.is_available() else "cpu"
INPUTS = ["hs_m", "tp_s", "wave_dir_deg", "wind_speed_ms", "wind_dir_deg",
          "current_ms", "current_dir_deg", "draft_m", "heading_deg"]
TARGET = "max_tension_kN"


class TensionNet(nn.Module):
    def __init__(self, n_in, width=128, depth=3, p_drop=0.1):
        super().__init__()
        layers, d = [], n_in
        for _ in range(depth):
            layers += [nn.Linear(d, width), nn.SiLU(), nn.Dropout(p_drop)]
            d = width
        layers.append(nn.Linear(d, 1))
        self.net = nn.Sequential(*layers)

    def forward(self, x):
        return self.net(x).squeeze(-1)


def add_directional(df):
    for col in ["wave_dir_deg", "wind_dir_deg", "current_dir_deg"]:
        rel = np.deg2rad(df[col] - df["heading_deg"])
        df[col.replace("_deg", "_cos")] = np.cos(rel)
        df[col.replace("_deg", "_sin")] = np.sin(rel)
    return df


def to_loader(X, y, shuffle, batch_size=256):
    ds = TensorDataset(torch.tensor(X, dtype=torch.float32),
                       torch.tensor(y, dtype=torch.float32))
    return DataLoader(ds, batch_size=batch_size, shuffle=shuffle)


@torch.no_grad()
def rmse(model, loader, y_scale):
    model.eval()
    sq, n = 0.0, 0
    for xb, yb in loader:
        pred = model(xb.to(DEVICE)).cpu()
        sq += ((pred - yb) ** 2).sum().item()
        n += len(yb)
    return np.sqrt(sq / n) * y_scale


df = pd.read_parquet("hindcast/fpso_tension_runs.parquet")
df = add_directional(df)
features = [c for c in df.columns if c.endswith(("_cos", "_sin"))] + \
           ["hs_m", "tp_s", "wind_speed_ms", "current_ms", "draft_m"]

X = df[features].to_numpy()
y = df[TARGET].to_numpy()
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=1)

x_scaler = StandardScaler().fit(X_train)
y_mu, y_sd = y_train.mean(), y_train.std()
train_loader = to_loader(x_scaler.transform(X_train), (y_train - y_mu) / y_sd, shuffle=True)
test_loader = to_loader(x_scaler.transform(X_test), (y_test - y_mu) / y_sd, shuffle=False)

model = TensionNet(len(features)).to(DEVICE)
opt = torch.optim.AdamW(model.parameters(), lr=2e-3, weight_decay=1e-4)
sched = torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=200)
loss_fn = nn.MSELoss()

best_rmse, best_state, best_epoch = np.inf, None, -1
for epoch in range(200):
    model.train()
    for xb, yb in train_loader:
        xb, yb = xb.to(DEVICE), yb.to(DEVICE)
        opt.zero_grad()
        loss = loss_fn(model(xb), yb)
        loss.backward()
        opt.step()
    sched.step()

    score = rmse(model, test_loader, y_sd)
    if score < best_rmse:
        best_rmse, best_state, best_epoch = score, copy.deepcopy(model.state_dict()), epoch
    if epoch % 20 == 0:
        print(f"epoch {epoch:3d}  rmse {score:8.1f} kN")

model.load_state_dict(best_state)
test_rmse = rmse(model, test_loader, y_sd)
print(f"best epoch {best_epoch}")
print(f"Test RMSE: {test_rmse:.1f} kN  ({100 * test_rmse / y_test.mean():.1f}% of mean peak)")
torch.save({"state": best_state, "features": features, "y_mu": y_mu, "y_sd": y_sd},
           "models/tension_surrogate.pt")
