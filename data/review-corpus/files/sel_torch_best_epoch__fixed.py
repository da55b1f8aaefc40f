# label: leakage/none
# twin: sel_torch_best_epoch__leaky.py
# source: adapted from PyTorch tutorials, beginner_source/basics/optimization_tutorial.py (BSD-3-Clause, (c) PyTorch contributors)
import copy

import torch
from torch import nn
from torch.utils.data import DataLoader, random_split
from torchvision import datasets
from torchvision.transforms import ToTensor

full_training_data = datasets.FashionMNIST(root="data", train=True, download=True, transform=ToTensor())
test_data = datasets.FashionMNIST(root="data", train=False, download=True, transform=ToTensor())
training_data, validation_data = random_split(
    full_training_data, [50000, 10000], generator=torch.Generator().manual_seed(0)
)

train_dataloader = DataLoader(training_data, batch_size=64, shuffle=True)
val_dataloader = DataLoader(validation_data, batch_size=64)
test_dataloader = DataLoader(test_data, batch_size=64)


class NeuralNetwork(nn.Module):
    def __init__(self):
        super().__init__()
        self.flatten = nn.Flatten()
        self.linear_relu_stack = nn.Sequential(
            nn.Linear(28 * 28, 512),
            nn.ReLU(),
            nn.Linear(512, 512),
            nn.ReLU(),
            nn.Linear(512, 10),
        )

    def forward(self, x):
        return self.linear_relu_stack(self.flatten(x))


def train_loop(dataloader, model, loss_fn, optimizer):
    model.train()
    for X, y in dataloader:
        loss = loss_fn(model(X), y)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()


def test_loop(dataloader, model, loss_fn):
    model.eval()
    size = len(dataloader.dataset)
    correct = 0
    with torch.no_grad():
        for X, y in dataloader:
            pred = model(X)
            correct += (pred.argmax(1) == y).type(torch.float).sum().item()
    return correct / size


torch.manual_seed(0)
model = NeuralNetwork()
loss_fn = nn.CrossEntropyLoss()
optimizer = torch.optim.SGD(model.parameters(), lr=1e-3)

best_acc, best_state = 0.0, None
for t in range(20):
    train_loop(train_dataloader, model, loss_fn, optimizer)
    acc = test_loop(val_dataloader, model, loss_fn)
    if acc > best_acc:
        best_acc = acc
        best_state = copy.deepcopy(model.state_dict())

model.load_state_dict(best_state)
print(f"Validation accuracy of the best epoch: {100 * best_acc:.1f}%")
print(f"Test accuracy: {100 * test_loop(test_dataloader, model, loss_fn):.1f}%")
