# label: leakage/none
# twin: sel_gru_substation_best_ckpt__leaky.py
# source: hand-written for ai-ci held-out v7 (Apache-2.0)
import copy

import numpy as np
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

torch.manual_seed(0)
WINDOW = 48


def make_windows(series):
    xs = np.stack([series[i : i + WINDOW] for i in range(len(series) - WINDOW)])
    ys = series[WINDOW:]
    return TensorDataset(torch.tensor(xs, dtype=torch.float32).unsqueeze(-1),
                         torch.tensor(ys, dtype=torch.float32))


class GRUForecaster(nn.Module):
    def __init__(self, hidden=64):
        super().__init__()
        self.gru = nn.GRU(1, hidden, batch_first=True)
        self.head = nn.Linear(hidden, 1)

    def forward(self, x):
        out, _ = self.gru(x)
        return self.head(out[:, -1]).squeeze(-1)


load = np.load("data/substation_load_30min.npy").astype(np.float32)
n_train, n_val = int(0.7 * len(load)), int(0.85 * len(load))
mu, sigma = load[:n_train].mean(), load[:n_train].std()
scaled = (load - mu) / sigma
train_dl = DataLoader(make_windows(scaled[:n_train]), batch_size=128, shuffle=True)
val_dl = DataLoader(make_windows(scaled[n_train:n_val]), batch_size=512)
test_dl = DataLoader(make_windows(scaled[n_val:]), batch_size=512)

model = GRUForecaster()
opt = torch.optim.Adam(model.parameters(), lr=1e-3)
loss_fn = nn.L1Loss()


def evaluate(loader):
    model.eval()
    with torch.no_grad():
        errs = [loss_fn(model(xb), yb).item() * len(yb) for xb, yb in loader]
    return sum(errs) / len(loader.dataset) * sigma


best_mae, best_state = float("inf"), None
for epoch in range(40):
    model.train()
    for xb, yb in train_dl:
        opt.zero_grad()
        loss_fn(model(xb), yb).backward()
        opt.step()
    val_mae = evaluate(val_dl)
    if val_mae < best_mae:
        best_mae, best_state = val_mae, copy.deepcopy(model.state_dict())
    print(f"epoch {epoch:02d}  val MAE {val_mae:.1f} kW")

model.load_state_dict(best_state)
torch.save(model.state_dict(), "gru_substation.pt")
print(f"final test MAE: {evaluate(test_dl):.1f} kW")
