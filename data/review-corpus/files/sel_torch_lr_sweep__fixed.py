# label: leakage/none
# twin: sel_torch_lr_sweep__leaky.py
# source: hand-written for ai-ci, tuning part (Apache-2.0)
import torch
import torch.nn.functional as F
from torch.utils.data import DataLoader, random_split
from torchvision import datasets, transforms

tf = transforms.ToTensor()
mnist_full = datasets.MNIST("data", train=True, download=True, transform=tf)
mnist_test = datasets.MNIST("data", train=False, download=True, transform=tf)
mnist_train, mnist_val = random_split(mnist_full, [55000, 5000], generator=torch.Generator().manual_seed(0))
train_loader = DataLoader(mnist_train, batch_size=128, shuffle=True)
val_loader = DataLoader(mnist_val, batch_size=1000)
test_loader = DataLoader(mnist_test, batch_size=1000)


class Small(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = torch.nn.Linear(784, 256)
        self.fc2 = torch.nn.Linear(256, 10)

    def forward(self, x):
        return self.fc2(F.relu(self.fc1(x.flatten(1))))


def accuracy(model, loader):
    model.eval()
    right = 0
    with torch.no_grad():
        for images, labels in loader:
            right += (model(images).argmax(1) == labels).sum().item()
    return right / len(loader.dataset)


def train(lr):
    torch.manual_seed(0)
    model = Small()
    opt = torch.optim.SGD(model.parameters(), lr=lr)
    for epoch in range(3):
        model.train()
        for images, labels in train_loader:
            opt.zero_grad()
            F.cross_entropy(model(images), labels).backward()
            opt.step()
    return model


results = {lr: accuracy(train(lr), val_loader) for lr in [0.3, 0.1, 0.03, 0.01]}
best_lr = max(results, key=results.get)
print(best_lr, accuracy(train(best_lr), test_loader))
