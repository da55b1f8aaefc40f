# label: leakage/none
# twin: pre_torch_minmax__leaky.py
# source: hand-written for ai-ci, tuning part (Apache-2.0)
import numpy as np
import torch
from torch.utils.data import DataLoader, TensorDataset, random_split

x = torch.from_numpy(np.load("telemetry.npy")).float()
y = torch.from_numpy(np.load("rul.npy")).float()
train_set, test_set = random_split(TensorDataset(x, y), [0.8, 0.2], generator=torch.Generator().manual_seed(0))
x_train, y_train = train_set[:]
x_test, y_test = test_set[:]
lo, hi = x_train.amin(dim=0), x_train.amax(dim=0)
x_train = (x_train - lo) / (hi - lo)
x_test = (x_test - lo) / (hi - lo)

model = torch.nn.Sequential(torch.nn.Linear(x.shape[1], 64), torch.nn.ReLU(), torch.nn.Linear(64, 1))
opt = torch.optim.Adam(model.parameters(), lr=1e-3)
for epoch in range(50):
    for xb, yb in DataLoader(TensorDataset(x_train, y_train), batch_size=128, shuffle=True):
        opt.zero_grad()
        torch.nn.functional.mse_loss(model(xb).squeeze(1), yb).backward()
        opt.step()
with torch.no_grad():
    print("test MSE", torch.nn.functional.mse_loss(model(x_test).squeeze(1), y_test).item())
