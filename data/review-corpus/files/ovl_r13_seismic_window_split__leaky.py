# label: leakage/overlap
# twin: ovl_r13_seismic_window_split__fixed.py
# source: hand-written for ai-ci, tuning part of round 13 (Apache-2.0)
"""Earthquake vs. quarry-blast discrimination from vertical-component waveforms."""
import numpy as np
import torch
from torch import nn
from torch.utils.data import DataLoader, Dataset, random_split

WIN, HOP = 400, 100  # 4 s windows at 100 Hz with 75% overlap


class WindowDataset(Dataset):
    """Slices every trace into overlapping windows; each window inherits the trace label."""

    def __init__(self, traces, labels, win=WIN, hop=HOP):
        self.traces, self.labels, self.win = traces, labels, win
        self.index = [(i, s) for i, tr in enumerate(traces)
                      for s in range(0, len(tr) - win + 1, hop)]

    def __len__(self):
        return len(self.index)

    def __getitem__(self, k):
        i, s = self.index[k]
        x = self.traces[i][s:s + self.win].astype(np.float32)
        x = (x - x.mean()) / (x.std() + 1e-6)
        return torch.from_numpy(x).unsqueeze(0), torch.tensor(int(self.labels[i]))


# one trace per (event, station); several stations record every event
data = np.load("data/waveforms.npz", allow_pickle=True)
traces, labels, event_ids = data["traces"], data["labels"], data["event_ids"]

windows = WindowDataset(traces, labels)
n_test = int(0.2 * len(windows))
train_ds, test_ds = random_split(windows, [len(windows) - n_test, n_test],
                                 generator=torch.Generator().manual_seed(5))

train_loader = DataLoader(train_ds, batch_size=128, shuffle=True)
test_loader = DataLoader(test_ds, batch_size=512)

torch.manual_seed(5)
model = nn.Sequential(
    nn.Conv1d(1, 16, 7, padding=3), nn.ReLU(), nn.MaxPool1d(4),
    nn.Conv1d(16, 32, 7, padding=3), nn.ReLU(), nn.MaxPool1d(4),
    nn.Conv1d(32, 64, 5, padding=2), nn.ReLU(), nn.AdaptiveAvgPool1d(1),
    nn.Flatten(), nn.Linear(64, 2),
)
opt = torch.optim.Adam(model.parameters(), lr=1e-3)

for epoch in range(15):
    model.train()
    for xb, yb in train_loader:
        opt.zero_grad()
        loss = nn.functional.cross_entropy(model(xb), yb)
        loss.backward()
        opt.step()

model.eval()
correct = total = 0
with torch.no_grad():
    for xb, yb in test_loader:
        correct += (model(xb).argmax(1) == yb).sum().item()
        total += len(yb)
print(f"test windows {total}, accuracy {correct / total:.3f}")
