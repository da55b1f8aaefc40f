# label: leakage/none
"""Daily heat-pump heating energy per home, used as the baseline for demand-response credits.

Data: smart-thermostat daily summaries joined with the sub-metered heating circuit.
"""
import numpy as np
import pandas as pd
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset
from sklearn.preprocessing import StandardScaler
from sklearn.metrics import mean_absolute_error

BASE_TEMP_C = 15.5
TEST_FROM = "2023-12-01"
HP = {"hidden": 64, "epochs": 40, "lr": 2e-3, "batch": 256, "seed": 0}


def add_weather_features(df):
    df["hdd"] = (BASE_TEMP_C - df["outdoor_mean_c"]).clip(lower=0)
    df["setpoint_gap"] = df["setpoint_mean_c"] - df["outdoor_mean_c"]
    df["cold_snap"] = (df["outdoor_min_c"] < -10).astype(int)
    return df


def add_home_features(df):
    g = df.groupby("home_id")
    efficiency = df["heating_kwh"] / df["hdd"].clip(lower=1.0)
    df["kwh_per_hdd"] = efficiency.groupby(df["home_id"]).shift(1)
    df["kwh_lag1"] = g["heating_kwh"].shift(1)
    df["kwh_lag7"] = g["heating_kwh"].shift(7)
    return df


class Baseline(nn.Module):
    def __init__(self, n_in, hidden):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(n_in, hidden), nn.ReLU(),
                                 nn.Linear(hidden, hidden), nn.ReLU(),
                                 nn.Linear(hidden, 1))

    def forward(self, x):
        return self.net(x).squeeze(-1)


df = pd.read_parquet("data/thermostat_daily.parquet")
df["date"] = pd.to_datetime(df["date"])
df = df.sort_values(["home_id", "date"]).reset_index(drop=True)
df = add_home_features(add_weather_features(df))

FEATURES = ["hdd", "setpoint_gap", "cold_snap", "setback_hours", "occupied_hours",
            "solar_kwh_m2", "wind_ms", "floor_area_m2", "kwh_per_hdd", "kwh_lag1", "kwh_lag7"]
df = df.dropna(subset=FEATURES + ["heating_kwh"])

train = df[df["date"] < TEST_FROM]
test = df[df["date"] >= TEST_FROM]
scaler = StandardScaler().fit(train[FEATURES])
Xtr = torch.tensor(scaler.transform(train[FEATURES]), dtype=torch.float32)
Xte = torch.tensor(scaler.transform(test[FEATURES]), dtype=torch.float32)
ytr = torch.tensor(train["heating_kwh"].to_numpy(), dtype=torch.float32)

torch.manual_seed(HP["seed"])
model = Baseline(len(FEATURES), HP["hidden"])
opt = torch.optim.Adam(model.parameters(), lr=HP["lr"])
loss_fn = nn.HuberLoss(delta=2.0)
loader = DataLoader(TensorDataset(Xtr, ytr), batch_size=HP["batch"], shuffle=True)

for epoch in range(HP["epochs"]):
    model.train()
    total = 0.0
    for xb, yb in loader:
        opt.zero_grad()
        loss = loss_fn(model(xb), yb)
        loss.backward()
        opt.step()
        total += loss.item() * len(xb)
    if epoch % 10 == 0:
        print(f"epoch {epoch:3d}  train loss {total / len(Xtr):.4f}")

model.eval()
with torch.no_grad():
    pred = model(Xte).clamp(min=0).numpy()

mae = mean_absolute_error(test["heating_kwh"], pred)
cvrmse = np.sqrt(np.mean((test["heating_kwh"] - pred) ** 2)) / test["heating_kwh"].mean()
print(f"test MAE {mae:.2f} kWh/day, CV(RMSE) {cvrmse:.3f}")
print(test.assign(pred=pred).groupby("home_id")[["heating_kwh", "pred"]].sum().head(10))
