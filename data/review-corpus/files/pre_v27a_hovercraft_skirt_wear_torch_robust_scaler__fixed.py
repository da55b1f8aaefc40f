# label: leakage/none
"""Predict skirt finger wear on passenger hovercraft between inspections with a small MLP."""
import numpy as np
import pandas as pd
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

torch.manual_seed(0)

intervals = pd.read_csv("skirt_inspection_intervals.csv", parse_dates=["inspected_on"])
routes = pd.read_csv("route_conditions.csv", parse_dates=["month"])

# route conditions for the last full month before the inspection
last_month = intervals["inspected_on"] - pd.DateOffset(months=1)
intervals["month"] = last_month.dt.to_period("M").dt.to_timestamp()
df = intervals.merge(routes, on=["route", "month"], how="left").sort_values("inspected_on")
df = df[(df["operating_hours"] > 5) & df["wear_mm"].notna()].copy()
df["wear_per_100h"] = df["wear_mm"] / df["operating_hours"] * 100
df["landings_per_h"] = df["beach_landings"] / df["operating_hours"]
df["shingle_share"] = df["shingle_landings"] / df["beach_landings"].clip(lower=1)
df["finger_position_bow"] = (df["finger_position"] == "bow").astype(float)

FEATURES = [
    "landings_per_h", "shingle_share", "mean_speed_kn", "mean_payload_t",
    "sig_wave_height_m", "water_temp_c", "finger_age_h", "finger_position_bow",
    "lift_fan_rpm", "salt_spray_index",
]


class RobustColumnScaler:
    def fit(self, a):
        self.median_ = np.nanmedian(a, axis=0)
        q75, q25 = np.nanpercentile(a, [75, 25], axis=0)
        self.scale_ = np.where(q75 - q25 > 0, q75 - q25, 1.0)
        return self

    def transform(self, a):
        return np.nan_to_num((a - self.median_) / self.scale_, nan=0.0).astype("float32")


raw = df[FEATURES].to_numpy(dtype="float64")
y_all = np.log1p(df["wear_per_100h"].to_numpy()).astype("float32")

cutoff = pd.Timestamp("2023-07-01")
is_train = (df["inspected_on"] < cutoff).to_numpy()
scaler = RobustColumnScaler().fit(raw[is_train])
X_all = scaler.transform(raw)
X_train, y_train = torch.from_numpy(X_all[is_train]), torch.from_numpy(y_all[is_train])
X_test, y_test = torch.from_numpy(X_all[~is_train]), torch.from_numpy(y_all[~is_train])

loader = DataLoader(TensorDataset(X_train, y_train), batch_size=64, shuffle=True)
net = nn.Sequential(
    nn.Linear(len(FEATURES), 48), nn.ReLU(),
    nn.Linear(48, 24), nn.ReLU(),
    nn.Linear(24, 1),
)
opt = torch.optim.AdamW(net.parameters(), lr=2e-3, weight_decay=1e-4)
loss_fn = nn.SmoothL1Loss()

for epoch in range(80):
    net.train()
    running = 0.0
    for xb, yb in loader:
        opt.zero_grad()
        loss = loss_fn(net(xb).squeeze(1), yb)
        loss.backward()
        opt.step()
        running += loss.item() * len(xb)
    if epoch % 20 == 19:
        print(f"epoch {epoch + 1}: train loss {running / len(X_train):.4f}")

net.eval()
with torch.no_grad():
    pred = torch.expm1(net(X_test).squeeze(1)).numpy()
actual = np.expm1(y_test.numpy())
mae = np.mean(np.abs(pred - actual))
mape = np.mean(np.abs(pred - actual) / np.maximum(actual, 0.05))
print(f"test MAE: {mae:.3f} mm per 100 h   MAPE: {mape:.1%}   n={len(actual)}")
