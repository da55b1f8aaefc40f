# label: leakage/none
"""Dissolved-oxygen forecast for salmon pens, 2 h ahead, from buoy sensor logs."""
import numpy as np
import torch
import xarray as xr
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

LOOKBACK = 48   # 12 h of 15-min readings
HORIZON = 8     # 2 h ahead
VARS = ["do_mg_l", "water_temp_c", "salinity_psu", "chlorophyll_ug_l",
        "current_speed_m_s", "feed_kg"]
HYPOXIA_MG_L = 6.0


def make_windows(ds):
    xs, ys, ts = [], [], []
    times = ds["time"].values
    for pen in ds["pen"].values:
        arr = ds.sel(pen=pen)[VARS].to_array("var").transpose("time", "var").values
        ok = ~np.isnan(arr).any(axis=1)
        for end in range(LOOKBACK, len(times) - HORIZON + 1):
            if not ok[end - LOOKBACK:end + HORIZON].all():
                continue
            xs.append(arr[end - LOOKBACK:end])
            ys.append(arr[end + HORIZON - 1, 0])
            ts.append(times[end - 1])
    return np.stack(xs).astype(np.float32), np.asarray(ys, np.float32), np.asarray(ts)


class DoForecaster(nn.Module):
    def __init__(self, n_vars, hidden=64):
        super().__init__()
        self.gru = nn.GRU(n_vars, hidden, num_layers=2, batch_first=True, dropout=0.1)
        self.head = nn.Linear(hidden, 1)

    def forward(self, x):
        out, _ = self.gru(x)
        return self.head(out[:, -1]).squeeze(-1)


ds = xr.open_dataset("data/pen_buoys_2023_2024.nc")
ds = ds.resample(time="15min").mean()
X, y, T = make_windows(ds)
print("windows:", X.shape)

split_at = np.datetime64("2024-07-01T00:00")
gap = np.timedelta64(15 * (LOOKBACK + HORIZON), "m")
train_idx = np.flatnonzero(T < split_at - gap)
test_idx = np.flatnonzero(T >= split_at)

mu = X[train_idx].reshape(-1, X.shape[2]).mean(axis=0)
sd = X[train_idx].reshape(-1, X.shape[2]).std(axis=0) + 1e-6
Xn = (X - mu) / sd

device = "cuda" if torch.cuda.is_available() else "cpu"
train_dl = DataLoader(TensorDataset(torch.from_numpy(Xn[train_idx]), torch.from_numpy(y[train_idx])),
                      batch_size=256, shuffle=True)
test_dl = DataLoader(TensorDataset(torch.from_numpy(Xn[test_idx]), torch.from_numpy(y[test_idx])),
                     batch_size=1024)

torch.manual_seed(0)
model = DoForecaster(X.shape[2]).to(device)
opt = torch.optim.AdamW(model.parameters(), lr=2e-3, weight_decay=1e-4)
loss_fn = nn.SmoothL1Loss()

for epoch in range(30):
    model.train()
    total = 0.0
    for xb, yb in train_dl:
        xb, yb = xb.to(device), yb.to(device)
        opt.zero_grad()
        loss = loss_fn(model(xb), yb)
        loss.backward()
        nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        total += loss.item() * len(xb)
    if epoch % 5 == 0:
        print(f"epoch {epoch:02d}  train loss {total / len(train_idx):.4f}")

model.eval()
preds = []
with torch.no_grad():
    for xb, _ in test_dl:
        preds.append(model(xb.to(device)).cpu().numpy())
pred = np.concatenate(preds)
truth = y[test_idx]

mae = np.mean(np.abs(pred - truth))
persistence = np.mean(np.abs(X[test_idx, -1, 0] - truth))
low = truth < HYPOXIA_MG_L
alert_recall = np.mean(pred[low] < HYPOXIA_MG_L) if low.any() else float("nan")
print(f"MAE {mae:.3f} mg/L   (persistence {persistence:.3f} mg/L)")
print(f"low-oxygen windows: {low.sum()}  flagged: {alert_recall:.1%}")
torch.save({"state": model.state_dict(), "mu": mu, "sd": sd}, "do_forecaster.pt")
