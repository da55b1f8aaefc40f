# label: leakage/overlap
# twin: ovl_torch_lstm_windows_random_split__fixed.py
# source: hand-written for ai-ci held-out v3 (Apache-2.0)
import numpy as np
import pandas as pd
import torch
from torch import nn
from torch.utils.data import DataLoader, Dataset, random_split

torch.manual_seed(0)
power = pd.read_csv("household_power_hourly.csv", parse_dates=["datetime"]).sort_values("datetime")
series = power["global_active_power"].to_numpy(dtype=np.float32)
LOOKBACK = 48


class Windows(Dataset):
    """The previous LOOKBACK hours as input, the next hour as target."""

    def __init__(self, values, lookback):
        self.values = torch.from_numpy(values)
        self.lookback = lookback

    def __len__(self):
        return len(self.values) - self.lookback

    def __getitem__(self, i):
        return self.values[i : i + self.lookback].unsqueeze(-1), self.values[i + self.lookback]


class Forecaster(nn.Module):
    def __init__(self, hidden=64):
        super().__init__()
        self.lstm = nn.LSTM(1, hidden, batch_first=True)
        self.head = nn.Linear(hidden, 1)

    def forward(self, x):
        out, _ = self.lstm(x)
        return self.head(out[:, -1]).squeeze(-1)


dataset = Windows(series, LOOKBACK)
n_test = len(dataset) // 5
train_set, test_set = random_split(
    dataset, [len(dataset) - n_test, n_test], generator=torch.Generator().manual_seed(0)
)
train_loader = DataLoader(train_set, batch_size=128, shuffle=True)
test_loader = DataLoader(test_set, batch_size=512)

model = Forecaster()
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
loss_fn = nn.MSELoss()
for epoch in range(10):
    model.train()
    for x, y in train_loader:
        optimizer.zero_grad()
        loss = loss_fn(model(x), y)
        loss.backward()
        optimizer.step()

model.eval()
with torch.no_grad():
    mae = torch.cat([(model(x) - y).abs() for x, y in test_loader]).mean()
print(f"test MAE {mae:.4f} kW")
