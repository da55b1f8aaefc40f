# label: leakage/none
# twin: pre_torch_eeg_zscore_all_trials__leaky.py
# source: hand-written for ai-ci held-out v8 (Apache-2.0)
import numpy as np
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

rng = np.random.default_rng(12)
trials = np.load("subject07_motor_imagery_trials.npy").astype(np.float32)  # (n_trials, channels, samples)
labels = np.load("subject07_motor_imagery_labels.npy").astype(np.int64)

x = torch.from_numpy(trials)
order = rng.permutation(len(x))
n_train = int(0.8 * len(order))
train_idx, test_idx = order[:n_train], order[n_train:]

mean = x[train_idx].mean(dim=(0, 2), keepdim=True)
std = x[train_idx].std(dim=(0, 2), keepdim=True)
x = (x - mean) / (std + 1e-6)
train_dl = DataLoader(TensorDataset(x[train_idx], torch.from_numpy(labels[train_idx])), batch_size=32, shuffle=True)
x_test, y_test = x[test_idx], torch.from_numpy(labels[test_idx])

net = nn.Sequential(
    nn.Conv1d(x.shape[1], 16, kernel_size=25), nn.BatchNorm1d(16), nn.ELU(),
    nn.AdaptiveAvgPool1d(8), nn.Flatten(), nn.Linear(16 * 8, 4),
)
opt = torch.optim.AdamW(net.parameters(), lr=1e-3)
for epoch in range(40):
    net.train()
    for xb, yb in train_dl:
        opt.zero_grad()
        nn.functional.cross_entropy(net(xb), yb).backward()
        opt.step()

net.eval()
with torch.no_grad():
    acc = (net(x_test).argmax(1) == y_test).float().mean().item()
print(f"test accuracy after 40 epochs: {acc:.3f}")
