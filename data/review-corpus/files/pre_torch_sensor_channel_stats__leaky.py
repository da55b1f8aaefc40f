# label: leakage/preprocessing
# twin: pre_torch_sensor_channel_stats__fixed.py
# source: hand-written for ai-ci held-out v3 (Apache-2.0)
import numpy as np
import torch
from torch import nn
from torch.utils.data import DataLoader, Dataset, random_split

torch.manual_seed(0)


class SensorDataset(Dataset):
    """Accelerometer/gyroscope summary features per activity window, standardized on access."""

    def __init__(self, path):
        data = np.load(path)
        self.x = torch.tensor(data["x"], dtype=torch.float32)
        self.y = torch.tensor(data["y"], dtype=torch.long)
        self.mean, self.std = None, None

    def __len__(self):
        return len(self.y)

    def __getitem__(self, i):
        x = self.x[i]
        if self.mean is not None:
            x = (x - self.mean) / self.std
        return x, self.y[i]


def channel_stats(dataset):
    total, total_sq, n = 0.0, 0.0, 0
    for x, _ in DataLoader(dataset, batch_size=1024):
        total = total + x.sum(dim=0)
        total_sq = total_sq + (x**2).sum(dim=0)
        n += x.shape[0]
    mean = total / n
    return mean, (total_sq / n - mean**2).sqrt()


dataset = SensorDataset("har_windows.npz")
dataset.mean, dataset.std = channel_stats(dataset)
train_set, test_set = random_split(dataset, [0.8, 0.2], generator=torch.Generator().manual_seed(0))

n_features, n_classes = dataset.x.shape[1], int(dataset.y.max()) + 1
model = nn.Sequential(nn.Linear(n_features, 128), nn.ReLU(), nn.Linear(128, n_classes))
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
for epoch in range(20):
    model.train()
    for xb, yb in DataLoader(train_set, batch_size=128, shuffle=True):
        optimizer.zero_grad()
        nn.functional.cross_entropy(model(xb), yb).backward()
        optimizer.step()

model.eval()
correct = 0
with torch.no_grad():
    for xb, yb in DataLoader(test_set, batch_size=1024):
        correct += (model(xb).argmax(1) == yb).sum().item()
print(f"test accuracy {correct / len(test_set):.3f}")
