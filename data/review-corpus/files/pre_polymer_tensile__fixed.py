# label: leakage/none
# twin: pre_polymer_tensile__leaky.py
# source: hand-written for ai-ci held-out v10 (Apache-2.0)
import pandas as pd
import torch
from torch import nn

torch.manual_seed(5)

df = pd.read_csv("lab/polymer_formulations_tensile.csv")
features = [
    "resin_pct", "plasticizer_pct", "filler_pct", "glass_fiber_pct", "compatibilizer_pct",
    "cure_temp_c", "cure_time_min", "mold_pressure_mpa", "moisture_ppm",
]
X = torch.tensor(df[features].to_numpy(), dtype=torch.float32)
y = torch.tensor(df["tensile_strength_mpa"].to_numpy(), dtype=torch.float32).unsqueeze(1)

perm = torch.randperm(len(X), generator=torch.Generator().manual_seed(5))
n_test = len(X) // 5
test_idx, train_idx = perm[:n_test], perm[n_test:]
X_train, y_train = X[train_idx], y[train_idx]
X_test, y_test = X[test_idx], y[test_idx]

mu, sigma = X_train.mean(dim=0), X_train.std(dim=0)
X_train = (X_train - mu) / sigma
X_test = (X_test - mu) / sigma


class TensileNet(nn.Module):
    def __init__(self, n_in):
        super().__init__()
        self.body = nn.Sequential(
            nn.Linear(n_in, 64), nn.SiLU(),
            nn.Linear(64, 32), nn.SiLU(),
            nn.Linear(32, 1),
        )

    def forward(self, x):
        return self.body(x)


net = TensileNet(len(features))
opt = torch.optim.AdamW(net.parameters(), lr=3e-3, weight_decay=1e-4)
loss_fn = nn.MSELoss()

for epoch in range(2000):
    net.train()
    opt.zero_grad()
    loss = loss_fn(net(X_train), y_train)
    loss.backward()
    opt.step()

net.eval()
with torch.no_grad():
    rmse = torch.sqrt(loss_fn(net(X_test), y_test)).item()
print(f"final train MSE: {loss.item():.3f}")
print(f"test RMSE: {rmse:.2f} MPa")
