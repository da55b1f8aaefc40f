# label: leakage/selection
import copy

import numpy as np
import pandas as pd
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

torch.manual_seed(7)

FEATURES = ["hill_size_m", "k_point_m", "gate", "inrun_speed_kmh", "wind_avg_ms",
            "wind_sd_ms", "air_temp_c", "snow_temp_c", "athlete_wc_points_prev",
            "athlete_height_cm", "athlete_bmi", "ski_length_cm"]
TARGET = "distance_m"

jumps = pd.read_csv("data/fis_wc_jumps_2016_2024.csv", parse_dates=["date"])
jumps = jumps[(jumps["round"].isin(["1st", "2nd"])) & jumps["distance_m"].notna()]
jumps = jumps.dropna(subset=FEATURES).sort_values("date")

train_df = jumps[jumps["date"] < "2022-07-01"]
test_df = jumps[jumps["date"] >= "2022-07-01"]

mu = train_df[FEATURES].mean()
sd = train_df[FEATURES].std()


def to_tensors(df):
    x = torch.tensor(((df[FEATURES] - mu) / sd).to_numpy(np.float32))
    y = torch.tensor(df[TARGET].to_numpy(np.float32)).unsqueeze(1)
    return x, y


x_tr, y_tr = to_tensors(train_df)
x_te, y_te = to_tensors(test_df)
train_loader = DataLoader(TensorDataset(x_tr, y_tr), batch_size=256, shuffle=True)
test_loader = DataLoader(TensorDataset(x_te, y_te), batch_size=1024)


class DistanceNet(nn.Module):
    def __init__(self, n_in, width=64):
        super().__init__()
        self.body = nn.Sequential(
            nn.Linear(n_in, width), nn.ReLU(), nn.Dropout(0.1),
            nn.Linear(width, width), nn.ReLU(),
            nn.Linear(width, 1),
        )

    def forward(self, x):
        return self.body(x)


def mean_abs_error(model, loader):
    model.eval()
    total, n = 0.0, 0
    with torch.no_grad():
        for xb, yb in loader:
            total += (model(xb) - yb).abs().sum().item()
            n += len(yb)
    return total / n


model = DistanceNet(len(FEATURES))
opt = torch.optim.AdamW(model.parameters(), lr=2e-3, weight_decay=1e-4)
loss_fn = nn.HuberLoss(delta=3.0)

best_mae, best_state, best_epoch = float("inf"), None, 0
for epoch in range(1, 151):
    model.train()
    for xb, yb in train_loader:
        opt.zero_grad()
        loss = loss_fn(model(xb), yb)
        loss.backward()
        opt.step()
    mae = mean_abs_error(model, test_loader)
    if mae < best_mae:
        best_mae, best_state, best_epoch = mae, copy.deepcopy(model.state_dict()), epoch
    if epoch - best_epoch >= 15:
        break

model.load_state_dict(best_state)
print(f"stopped at epoch {epoch}, best epoch {best_epoch}")
print(f"2022-24 seasons  MAE {mean_abs_error(model, test_loader):.2f} m")

baseline = (test_df[TARGET] - train_df[TARGET].mean()).abs().mean()
print(f"mean-distance baseline MAE {baseline:.2f} m")
