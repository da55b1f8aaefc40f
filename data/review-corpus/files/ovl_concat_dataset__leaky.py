# label: leakage/overlap
# twin: ovl_concat_dataset__fixed.py
# source: hand-written for ai-ci, tuning part (Apache-2.0)
import torch
from torch.utils.data import ConcatDataset, DataLoader, TensorDataset, random_split

signals = torch.load("ecg_signals.pt")      # (n, 1, 1000)
labels = torch.load("ecg_labels.pt")

shifted = torch.roll(signals, shifts=25, dims=-1)
scaled = signals * 1.1
corpus = ConcatDataset([
    TensorDataset(signals, labels),
    TensorDataset(shifted, labels),
    TensorDataset(scaled, labels),
])
train_part, test_part = random_split(corpus, [0.85, 0.15], generator=torch.Generator().manual_seed(1))

model = torch.nn.Sequential(torch.nn.Conv1d(1, 8, 7), torch.nn.ReLU(), torch.nn.AdaptiveAvgPool1d(1), torch.nn.Flatten(), torch.nn.Linear(8, 2))
opt = torch.optim.Adam(model.parameters())
for epoch in range(20):
    for xb, yb in DataLoader(train_part, batch_size=64, shuffle=True):
        opt.zero_grad()
        torch.nn.functional.cross_entropy(model(xb), yb).backward()
        opt.step()
model.eval()
with torch.no_grad():
    correct = sum((model(xb).argmax(1) == yb).sum().item() for xb, yb in DataLoader(test_part, batch_size=256))
print(correct / len(test_part))
