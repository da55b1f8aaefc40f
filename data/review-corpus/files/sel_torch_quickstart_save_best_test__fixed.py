# label: leakage/none
# twin: sel_torch_quickstart_save_best_test__leaky.py
# source: adapted from PyTorch tutorials beginner_source/basics/quickstart_tutorial.py (BSD-3-Clause, (c) PyTorch contributors)
import copy

import torch
from torch import nn
from torch.utils.data import DataLoader, random_split
from torchvision import datasets
from torchvision.transforms import ToTensor

torch.manual_seed(0)
full_training = datasets.FashionMNIST(root="data", train=True, download=True, transform=ToTensor())
test_data = datasets.FashionMNIST(root="data", train=False, download=True, transform=ToTensor())
training_data, validation_data = random_split(full_training, [50_000, 10_000], generator=torch.Generator().manual_seed(0))
train_dataloader = DataLoader(training_data, batch_size=64, shuffle=True)
val_dataloader = DataLoader(validation_data, batch_size=64)
test_dataloader = DataLoader(test_data, batch_size=64)


class NeuralNetwork(nn.Module):
    def __init__(self):
        super().__init__()
        self.flatten = nn.Flatten()
        self.linear_relu_stack = nn.Sequential(
            nn.Linear(28 * 28, 512), nn.ReLU(), nn.Linear(512, 512), nn.ReLU(), nn.Linear(512, 10)
        )

    def forward(self, x):
        return self.linear_relu_stack(self.flatten(x))


def train(dataloader, model, loss_fn, optimizer):
    model.train()
    for X, y in dataloader:
        loss = loss_fn(model(X), y)
        loss.backward()
        optimizer.step()
        optimizer.zero_grad()


def evaluate(dataloader, model):
    model.eval()
    correct = 0
    with torch.no_grad():
        for X, y in dataloader:
            correct += (model(X).argmax(1) == y).type(torch.float).sum().item()
    return correct / len(dataloader.dataset)


model = NeuralNetwork()
loss_fn = nn.CrossEntropyLoss()
optimizer = torch.optim.SGD(model.parameters(), lr=1e-3)

best_acc, best_state = 0.0, None
for t in range(20):
    train(train_dataloader, model, loss_fn, optimizer)
    acc = evaluate(val_dataloader, model)
    if acc > best_acc:
        best_acc, best_state = acc, copy.deepcopy(model.state_dict())
    print(f"Epoch {t + 1}: validation accuracy {100 * acc:>0.1f}%")

model.load_state_dict(best_state)
torch.save(model.state_dict(), "model.pth")
print(f"Final model test accuracy: {100 * evaluate(test_dataloader, model):>0.1f}%")
