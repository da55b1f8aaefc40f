# label: leakage/selection
# twin: sel_torch_es_test_loader__fixed.py
# source: hand-written for ai-ci, tuning part of round 4 (Apache-2.0)
import copy

import torch
from torch import nn
from torch.utils.data import DataLoader, random_split
from torchvision import datasets, transforms

torch.manual_seed(0)
tf = transforms.ToTensor()
train_full = datasets.KMNIST("data", train=True, download=True, transform=tf)
test_set = datasets.KMNIST("data", train=False, download=True, transform=tf)
model = nn.Sequential(nn.Flatten(), nn.Linear(784, 256), nn.ReLU(), nn.Linear(256, 10))
opt = torch.optim.SGD(model.parameters(), lr=0.05)


def mean_loss(loader):
    model.eval()
    total, n = 0.0, 0
    with torch.no_grad():
        for x, y in loader:
            total += nn.functional.cross_entropy(model(x), y, reduction="sum").item()
            n += len(y)
    return total / n

train_loader = DataLoader(train_full, batch_size=128, shuffle=True)
test_loader = DataLoader(test_set, batch_size=1000)
best, best_state, patience = float("inf"), None, 0
for epoch in range(50):
    model.train()
    for x, y in train_loader:
        opt.zero_grad()
        nn.functional.cross_entropy(model(x), y).backward()
        opt.step()
    loss = mean_loss(test_loader)
    if loss < best:
        best, best_state, patience = loss, copy.deepcopy(model.state_dict()), 0
    else:
        patience += 1
        if patience == 3:
            break
model.load_state_dict(best_state)
print(f"test loss {best:.4f}")
