# label: leakage/none
# Moisture content (% wet basis) of split logs at the end of yard seasoning.
# One row per stack: species mix, split size, cover, months in the yard and
# the weather summary from the yard station. Used to decide which stacks can
# be sold as "ready to burn" (<20%) without a meter check on every pallet.
import numpy as np
import pandas as pd
import torch
from torch import nn
from torch.utils.data import DataLoader, Dataset

torch.manual_seed(31)

FEATURES = [
    "share_ash", "share_oak", "share_birch", "share_beech", "share_softwood",
    "mean_split_cm", "stack_height_m", "covered_top", "covered_sides",
    "months_in_yard", "moisture_at_stacking", "mean_temp_c", "total_rain_mm",
    "mean_wind_ms", "sunshine_hours", "yard_row", "pallet_crate",
]
TARGET = "moisture_final"


class StackData(Dataset):
    def __init__(self, X, y):
        self.X = X
        self.y = y

    def __len__(self):
        return len(self.X)

    def __getitem__(self, i):
        return self.X[i], self.y[i]


class MoistureNet(nn.Module):
    def __init__(self, n_in):
        super().__init__()
        self.body = nn.Sequential(
            nn.Linear(n_in, 64), nn.ReLU(), nn.Dropout(0.1),
            nn.Linear(64, 32), nn.ReLU(),
            nn.Linear(32, 1),
        )

    def forward(self, x):
        return self.body(x).squeeze(-1)


stacks = pd.read_csv("yard/stack_records.csv")
stacks = stacks.dropna(subset=FEATURES + [TARGET])
stacks = stacks[(stacks[TARGET] > 5) & (stacks[TARGET] < 60)]

X = torch.tensor(stacks[FEATURES].to_numpy(), dtype=torch.float32)
y = torch.tensor(stacks[TARGET].to_numpy(), dtype=torch.float32)

perm = torch.randperm(len(X), generator=torch.Generator().manual_seed(31))
n_test = int(0.2 * len(X))
test_idx, train_idx = perm[:n_test], perm[n_test:]

mu = X[train_idx].mean(dim=0)
sigma = X[train_idx].std(dim=0).clamp_min(1e-6)
X = (X - mu) / sigma

train_loader = DataLoader(StackData(X[train_idx], y[train_idx]), batch_size=64, shuffle=True)
test_loader = DataLoader(StackData(X[test_idx], y[test_idx]), batch_size=256)

model = MoistureNet(len(FEATURES))
opt = torch.optim.AdamW(model.parameters(), lr=2e-3, weight_decay=1e-4)
loss_fn = nn.HuberLoss(delta=2.0)

for epoch in range(120):
    model.train()
    running = 0.0
    for xb, yb in train_loader:
        opt.zero_grad()
        loss = loss_fn(model(xb), yb)
        loss.backward()
        opt.step()
        running += loss.item() * len(xb)
    if (epoch + 1) % 20 == 0:
        print(f"epoch {epoch + 1:3d}  train loss {running / len(train_idx):.3f}")

model.eval()
preds, trues = [], []
with torch.no_grad():
    for xb, yb in test_loader:
        preds.append(model(xb))
        trues.append(yb)
pred = torch.cat(preds).numpy()
true = torch.cat(trues).numpy()

mae = np.mean(np.abs(pred - true))
rmse = np.sqrt(np.mean((pred - true) ** 2))
print(f"test MAE {mae:.2f} pts  RMSE {rmse:.2f} pts")

ready_true = true < 20
ready_pred = pred < 20
agree = np.mean(ready_true == ready_pred)
sold_wet = np.sum(ready_pred & ~ready_true)
print(f"ready-to-burn agreement {agree:.1%}; stacks passed but over 20%: {sold_wet}")
torch.save({"state_dict": model.state_dict(), "mu": mu, "sigma": sigma}, "models/moisture_net.pt")
