# label: leakage/overlap
import numpy as np
import pandas as pd
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset, random_split

# Hourly heat-pulse sap flow probes on 18 walnut trees plus the orchard weather mast.
PROBES = "orchard/sap_flow_hourly.csv"
MAST = "orchard/weather_mast_hourly.csv"
LOOKBACK = 48
HORIZON = 6
torch.manual_seed(8)


def load_hourly():
    sap = pd.read_csv(PROBES, parse_dates=["timestamp"])
    wx = pd.read_csv(MAST, parse_dates=["timestamp"])
    df = sap.merge(wx, on="timestamp", how="inner").sort_values(["tree_id", "timestamp"])
    df["sap_log"] = np.log1p(df["sap_flux_g_h"].clip(lower=0))
    df["vpd_kpa"] = df["vpd_kpa"].clip(0, 6)
    df["rad_kw"] = df["solar_rad_w_m2"] / 1000.0
    df["soil_vwc"] = df["soil_vwc_pct"] / 100.0
    df["hour_sin"] = np.sin(2 * np.pi * df["timestamp"].dt.hour / 24)
    df["hour_cos"] = np.cos(2 * np.pi * df["timestamp"].dt.hour / 24)
    return df


CHANNELS = ["sap_log", "vpd_kpa", "rad_kw", "soil_vwc", "hour_sin", "hour_cos"]


def make_windows(df):
    xs, ys = [], []
    for _, tree in df.groupby("tree_id"):
        arr = tree[CHANNELS].to_numpy(dtype=np.float32)
        target = tree["sap_log"].to_numpy(dtype=np.float32)
        for start in range(0, len(tree) - LOOKBACK - HORIZON + 1):
            xs.append(arr[start:start + LOOKBACK])
            ys.append(target[start + LOOKBACK:start + LOOKBACK + HORIZON])
    return torch.tensor(np.stack(xs)), torch.tensor(np.stack(ys))


class SapGRU(nn.Module):
    def __init__(self, n_in, hidden=64):
        super().__init__()
        self.gru = nn.GRU(n_in, hidden, num_layers=2, batch_first=True, dropout=0.1)
        self.head = nn.Linear(hidden, HORIZON)

    def forward(self, x):
        out, _ = self.gru(x)
        return self.head(out[:, -1])


df = load_hourly()
X, Y = make_windows(df)
dataset = TensorDataset(X, Y)
n_test = int(0.2 * len(dataset))
train_ds, test_ds = random_split(dataset, [len(dataset) - n_test, n_test])

train_dl = DataLoader(train_ds, batch_size=256, shuffle=True)
test_dl = DataLoader(test_ds, batch_size=1024)

model = SapGRU(len(CHANNELS))
opt = torch.optim.AdamW(model.parameters(), lr=2e-3, weight_decay=1e-4)
loss_fn = nn.SmoothL1Loss()

for epoch in range(25):
    model.train()
    total = 0.0
    for xb, yb in train_dl:
        opt.zero_grad()
        loss = loss_fn(model(xb), yb)
        loss.backward()
        nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        total += loss.item() * len(xb)
    print(f"epoch {epoch + 1:02d}  train loss {total / len(train_ds):.4f}")

model.eval()
preds, trues = [], []
with torch.no_grad():
    for xb, yb in test_dl:
        preds.append(model(xb))
        trues.append(yb)
pred_g = torch.expm1(torch.cat(preds)).numpy()
true_g = torch.expm1(torch.cat(trues)).numpy()
mae_by_step = np.abs(pred_g - true_g).mean(axis=0)
for h, mae in enumerate(mae_by_step, start=1):
    print(f"t+{h}h  MAE {mae:6.1f} g/h")
print(f"overall MAE {mae_by_step.mean():.1f} g/h")
