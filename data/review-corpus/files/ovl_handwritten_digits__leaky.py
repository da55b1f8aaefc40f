# label: leakage/overlap
# twin: ovl_handwritten_digits__fixed.py
# source: hand-written for ai-ci held-out v10 (Apache-2.0)
import numpy as np
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset, random_split
from sklearn.datasets import load_digits

torch.manual_seed(0)

digits = load_digits()
images = (digits.images / 16.0).astype(np.float32)
labels = digits.target.astype(np.int64)


def shifted_copies(x, y, shifts=((0, 1), (0, -1), (1, 0), (-1, 0))):
    xs, ys = [x], [y]
    for dy, dx in shifts:
        xs.append(np.roll(x, shift=(dy, dx), axis=(1, 2)))
        ys.append(y)
    return np.concatenate(xs), np.concatenate(ys)


aug_x, aug_y = shifted_copies(images, labels)
dataset = TensorDataset(torch.from_numpy(aug_x).unsqueeze(1), torch.from_numpy(aug_y))
n_test = int(0.2 * len(dataset))
train_ds, test_ds = random_split(
    dataset, [len(dataset) - n_test, n_test], generator=torch.Generator().manual_seed(0)
)

model = nn.Sequential(
    nn.Conv2d(1, 16, 3, padding=1), nn.ReLU(),
    nn.Conv2d(16, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
    nn.Flatten(), nn.Linear(32 * 4 * 4, 64), nn.ReLU(), nn.Linear(64, 10),
)
opt = torch.optim.Adam(model.parameters(), lr=1e-3)
loss_fn = nn.CrossEntropyLoss()

for epoch in range(15):
    model.train()
    for xb, yb in DataLoader(train_ds, batch_size=64, shuffle=True):
        opt.zero_grad()
        loss = loss_fn(model(xb), yb)
        loss.backward()
        opt.step()

model.eval()
correct = 0
with torch.no_grad():
    for xb, yb in DataLoader(test_ds, batch_size=256):
        correct += (model(xb).argmax(dim=1) == yb).sum().item()
print(f"test accuracy: {correct / len(test_ds):.4f}")
