# label: leakage/selection
import copy

import numpy as np
import pandas as pd
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

torch.manual_seed(7)
rng = np.random.default_rng(7)

# Magpie-style composition descriptors exported from the featuriser notebook
frame = pd.read_parquet("features/oxides_magpie.parquet")
frame = frame[frame["is_stable"] & frame["bandgap_ev"].notna()]
desc_cols = [c for c in frame.columns if c.startswith("magpie_")]

X = frame[desc_cols].to_numpy(dtype=np.float32)
y = frame["bandgap_ev"].to_numpy(dtype=np.float32)

perm = rng.permutation(len(frame))
n_test = int(0.15 * len(frame))
test_idx, train_idx = perm[:n_test], perm[n_test:]

mu = X[train_idx].mean(axis=0)
sd = X[train_idx].std(axis=0) + 1e-6
X = (X - mu) / sd


def loader(idx, shuffle):
    ds = TensorDataset(torch.from_numpy(X[idx]), torch.from_numpy(y[idx]))
    return DataLoader(ds, batch_size=128, shuffle=shuffle)


train_dl = loader(train_idx, True)
test_dl = loader(test_idx, False)


class GapRegressor(nn.Module):
    def __init__(self, n_in, width=256, p_drop=0.1):
        super().__init__()
        self.body = nn.Sequential(
            nn.Linear(n_in, width), nn.SiLU(), nn.Dropout(p_drop),
            nn.Linear(width, width), nn.SiLU(), nn.Dropout(p_drop),
            nn.Linear(width, width // 2), nn.SiLU(),
            nn.Linear(width // 2, 1),
        )

    def forward(self, x):
        return self.body(x).squeeze(-1)


def mae(model, dl):
    model.eval()
    errs = []
    with torch.no_grad():
        for xb, yb in dl:
            errs.append((model(xb) - yb).abs())
    return torch.cat(errs).mean().item()


model = GapRegressor(X.shape[1])
opt = torch.optim.AdamW(model.parameters(), lr=2e-3, weight_decay=1e-4)
sched = torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=300)
loss_fn = nn.SmoothL1Loss(beta=0.25)

best_mae, best_state, best_epoch = float("inf"), None, -1
for epoch in range(300):
    model.train()
    for xb, yb in train_dl:
        opt.zero_grad()
        loss = loss_fn(model(xb), yb)
        loss.backward()
        opt.step()
    sched.step()

    epoch_mae = mae(model, test_dl)
    if epoch_mae < best_mae:
        best_mae, best_epoch = epoch_mae, epoch
        best_state = copy.deepcopy(model.state_dict())
    if epoch % 25 == 0:
        print(f"epoch {epoch:3d}  mae {epoch_mae:.3f} eV")

model.load_state_dict(best_state)
torch.save(model.state_dict(), "checkpoints/gap_mlp.pt")
print(f"best epoch {best_epoch}")
print(f"Band gap MAE on held-out oxides: {mae(model, test_dl):.3f} eV")
