# label: leakage/none
"""Rack inlet hot-spot forecaster for hall B (CRAC telemetry, 5-minute resolution)."""
import numpy as np
import pandas as pd
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset
from sklearn.metrics import roc_auc_score, f1_score

CFG = {
    "telemetry": "data/hall_b_crac_5min.parquet",
    "channels": ["supply_temp_c", "return_temp_c", "fan_speed_pct", "chw_valve_pct",
                 "it_load_kw", "outside_temp_c", "rack_inlet_max_c"],
    "window": 48,      # 4 h of history
    "horizon": 6,      # 30 min ahead
    "hot_c": 27.0,
    "test_frac": 0.2,
    "epochs": 15,
    "batch": 256,
    "lr": 1e-3,
    "seed": 5,
}
torch.manual_seed(CFG["seed"])


def make_windows(frame, channels, window, horizon, hot_c):
    values = frame[channels].to_numpy(dtype=np.float32)
    inlet = frame["rack_inlet_max_c"].to_numpy()
    xs, ys = [], []
    for end in range(window, len(frame) - horizon + 1):
        xs.append(values[end - window:end])
        ys.append(float(inlet[end:end + horizon].max() > hot_c))
    return np.stack(xs), np.array(ys, dtype=np.float32)


def split_windows(X, y, test_frac):
    cut = int(len(X) * (1 - test_frac))
    gap = CFG["window"] + CFG["horizon"]
    return X[:cut - gap], X[cut:], y[:cut - gap], y[cut:]


class HotSpotCNN(nn.Module):
    def __init__(self, n_channels):
        super().__init__()
        self.body = nn.Sequential(
            nn.Conv1d(n_channels, 32, kernel_size=5, padding=2), nn.ReLU(),
            nn.Conv1d(32, 32, kernel_size=5, padding=2), nn.ReLU(),
            nn.AdaptiveAvgPool1d(1),
        )
        self.head = nn.Linear(32, 1)

    def forward(self, x):
        z = self.body(x.transpose(1, 2)).squeeze(-1)
        return self.head(z).squeeze(-1)


tele = pd.read_parquet(CFG["telemetry"]).sort_values("timestamp")
tele = tele.set_index("timestamp").asfreq("5min").ffill(limit=2).dropna().reset_index()
X, y = make_windows(tele, CFG["channels"], CFG["window"], CFG["horizon"], CFG["hot_c"])
print("windows:", X.shape, "hot-spot rate:", y.mean().round(4))

X_tr, X_te, y_tr, y_te = split_windows(X, y, CFG["test_frac"])
mu = X_tr.reshape(-1, X_tr.shape[-1]).mean(axis=0)
sd = X_tr.reshape(-1, X_tr.shape[-1]).std(axis=0) + 1e-6
X_tr, X_te = (X_tr - mu) / sd, (X_te - mu) / sd

train_dl = DataLoader(TensorDataset(torch.from_numpy(X_tr), torch.from_numpy(y_tr)),
                      batch_size=CFG["batch"], shuffle=True)
model = HotSpotCNN(len(CFG["channels"]))
pos_weight = torch.tensor((1 - y_tr.mean()) / max(y_tr.mean(), 1e-3))
loss_fn = nn.BCEWithLogitsLoss(pos_weight=pos_weight)
opt = torch.optim.Adam(model.parameters(), lr=CFG["lr"])

for epoch in range(CFG["epochs"]):
    model.train()
    running = 0.0
    for xb, yb in train_dl:
        opt.zero_grad()
        loss = loss_fn(model(xb), yb)
        loss.backward()
        opt.step()
        running += loss.item() * len(xb)
    print(f"epoch {epoch + 1:2d}  train loss {running / len(X_tr):.4f}")

model.eval()
with torch.no_grad():
    prob = torch.sigmoid(model(torch.from_numpy(X_te))).numpy()
print(f"test AUC {roc_auc_score(y_te, prob):.3f}   F1@0.5 {f1_score(y_te, prob > 0.5):.3f}")
torch.save(model.state_dict(), "hall_b_hotspot_cnn.pt")
