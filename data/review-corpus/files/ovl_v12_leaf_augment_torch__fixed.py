# label: leakage/none
# twin: ovl_v12_leaf_augment_torch__leaky.py
# source: hand-written for ai-ci held-out v12 (Apache-2.0)
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

torch.manual_seed(0)
images, labels = torch.load("data/leaf_disease_64px.pt")


def augment(x, y):
    flipped = torch.flip(x, dims=[3])
    rotated = torch.rot90(x, k=1, dims=[2, 3])
    return torch.cat([x, flipped, rotated]), torch.cat([y, y, y])


perm = torch.randperm(len(images))
n_test = int(0.2 * len(images))
test_idx, train_idx = perm[:n_test], perm[n_test:]
train_ds = TensorDataset(*augment(images[train_idx], labels[train_idx]))
test_ds = TensorDataset(images[test_idx], labels[test_idx])

net = nn.Sequential(
    nn.Conv2d(3, 16, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
    nn.Conv2d(16, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
    nn.Flatten(), nn.Linear(32 * 16 * 16, 128), nn.ReLU(), nn.Linear(128, 4),
)
opt = torch.optim.Adam(net.parameters(), lr=1e-3)
loss_fn = nn.CrossEntropyLoss()

for epoch in range(15):
    net.train()
    for xb, yb in DataLoader(train_ds, batch_size=64, shuffle=True):
        opt.zero_grad()
        loss = loss_fn(net(xb), yb)
        loss.backward()
        opt.step()

net.eval()
correct = 0
with torch.no_grad():
    for xb, yb in DataLoader(test_ds, batch_size=256):
        correct += (net(xb).argmax(1) == yb).sum().item()
print("test accuracy:", correct / len(test_ds))
