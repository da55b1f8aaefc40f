# label: leakage/target
# twin: tgt_torch_window_includes_target__fixed.py
# source: hand-written for ai-ci held-out v4 (Apache-2.0)
import numpy as np
import pandas as pd
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

load = pd.read_csv("household_power_hourly.csv", parse_dates=["hour"], index_col="hour")["kw"].to_numpy("float32")
WINDOW = 48


def make_windows(series, window):
    xs, ys = [], []
    for t in range(window, len(series)):
        xs.append(series[t - window + 1 : t + 1])
        ys.append(series[t])
    return np.stack(xs), np.array(ys, dtype="float32")


split = int(len(load) * 0.8)
mu, sd = load[:split].mean(), load[:split].std()
scaled = (load - mu) / sd
X_tr, y_tr = make_windows(scaled[:split], WINDOW)
X_te, y_te = make_windows(scaled[split:], WINDOW)


class LSTMForecaster(nn.Module):
    def __init__(self, hidden=64):
        super().__init__()
        self.lstm = nn.LSTM(1, hidden, batch_first=True)
        self.head = nn.Linear(hidden, 1)

    def forward(self, x):
        out, _ = self.lstm(x.unsqueeze(-1))
        return self.head(out[:, -1]).squeeze(-1)


net = LSTMForecaster()
opt = torch.optim.Adam(net.parameters(), lr=1e-3)
loader = DataLoader(TensorDataset(torch.from_numpy(X_tr), torch.from_numpy(y_tr)), batch_size=128, shuffle=True)
for epoch in range(15):
    net.train()
    for xb, yb in loader:
        opt.zero_grad()
        loss = nn.functional.mse_loss(net(xb), yb)
        loss.backward()
        opt.step()

net.eval()
with torch.no_grad():
    pred = net(torch.from_numpy(X_te))
rmse_kw = torch.sqrt(nn.functional.mse_loss(pred, torch.from_numpy(y_te))).item() * sd
print(f"next-hour test RMSE: {rmse_kw:.3f} kW")
