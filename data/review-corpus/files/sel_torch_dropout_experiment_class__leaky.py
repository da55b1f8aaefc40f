# label: leakage/selection
# twin: sel_torch_dropout_experiment_class__fixed.py
# source: hand-written for ai-ci held-out v4 (Apache-2.0)
import torch
import torch.nn as nn
from torch.utils.data import DataLoader, random_split
from torchvision import datasets, transforms

torch.manual_seed(0)
tfm = transforms.Compose([transforms.ToTensor(), transforms.Normalize((0.2860,), (0.3530,))])
train_set = datasets.FashionMNIST("data", train=True, download=True, transform=tfm)
test_set = datasets.FashionMNIST("data", train=False, download=True, transform=tfm)


class Experiment:
    def __init__(self, train_data, eval_data, epochs=5):
        self.train_loader = DataLoader(train_data, batch_size=128, shuffle=True)
        self.eval_loader = DataLoader(eval_data, batch_size=512)
        self.epochs = epochs

    def build(self, p):
        return nn.Sequential(nn.Flatten(), nn.Linear(784, 256), nn.ReLU(), nn.Dropout(p), nn.Linear(256, 10))

    def accuracy(self, net, loader):
        net.eval()
        correct = total = 0
        with torch.no_grad():
            for xb, yb in loader:
                correct += (net(xb).argmax(1) == yb).sum().item()
                total += len(yb)
        return correct / total

    def run(self, p):
        net = self.build(p)
        opt = torch.optim.Adam(net.parameters(), lr=1e-3)
        loss_fn = nn.CrossEntropyLoss()
        for _ in range(self.epochs):
            net.train()
            for xb, yb in self.train_loader:
                opt.zero_grad()
                loss_fn(net(xb), yb).backward()
                opt.step()
        return net, self.accuracy(net, self.eval_loader)


exp = Experiment(train_set, test_set)
results = {p: exp.run(p) for p in (0.0, 0.2, 0.4, 0.6)}
best_p = max(results, key=lambda p: results[p][1])
print(f"dropout={best_p}: test accuracy {results[best_p][1]:.4f}")
