# label: leakage/preprocessing
# twin: pre_torch_minmax__fixed.py
# source: hand-written for ai-ci, tuning part (Apache-2.0)
import numpy as np
import torch
from torch.utils.data import DataLoader, TensorDataset, random_split

x = torch.from_numpy(np.load("telemetry.npy")).float()
y = torch.from_numpy(np.load("rul.npy")).float()
lo, hi = x.amin(dim=0), x.amax(dim=0)
x = (x - lo) / (hi - lo)

train_set, test_set = random_split(TensorDataset(x, y), [0.8, 0.2], generator=torch.Generator().manual_seed(0))
model = torch.nn.Sequential(torch.nn.Linear(x.shape[1], 64), torch.nn.ReLU(), torch.nn.Linear(64, 1))
opt = torch.optim.Adam(model.parameters(), lr=1e-3)
for epoch in range(50):
    for xb, yb in DataLoader(train_set, batch_size=128, shuffle=True):
        opt.zero_grad()
        torch.nn.functional.mse_loss(model(xb).squeeze(1), yb).backward()
        opt.step()
with torch.no_grad():
    xt, yt = test_set[:]
    print("test MSE", torch.nn.functional.mse_loss(model(xt).squeeze(1), yt).item())
