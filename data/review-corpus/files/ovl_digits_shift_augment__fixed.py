# label: fixed
# source: hand-written for ai-ci, held-out v9 (Apache-2.0)
import torch
import torch.nn as nn
from sklearn.datasets import load_digits
from torch.utils.data import DataLoader, TensorDataset, random_split

torch.manual_seed(0)

digits = load_digits()
images = torch.tensor(digits.images, dtype=torch.float32).unsqueeze(1) / 16.0
labels = torch.tensor(digits.target, dtype=torch.long)


def augment(x):
    shifted = [torch.roll(x, shifts=s, dims=d) for s in (-1, 1) for d in (2, 3)]
    noisy = (x + 0.05 * torch.randn_like(x)).clamp(0.0, 1.0)
    return torch.cat([x, *shifted, noisy])


dataset = TensorDataset(images, labels)
n_test = int(0.2 * len(dataset))
train_part, test_set = random_split(dataset, [len(dataset) - n_test, n_test])
train_idx = torch.tensor(train_part.indices)
train_set = TensorDataset(augment(images[train_idx]), labels[train_idx].repeat(6))

model = nn.Sequential(
    nn.Conv2d(1, 16, 3, padding=1), nn.ReLU(),
    nn.Conv2d(16, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
    nn.Flatten(), nn.Linear(32 * 4 * 4, 64), nn.ReLU(), nn.Linear(64, 10),
)
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
loss_fn = nn.CrossEntropyLoss()
train_loader = DataLoader(train_set, batch_size=128, shuffle=True)
test_loader = DataLoader(test_set, batch_size=512)

for epoch in range(15):
    model.train()
    running = 0.0
    for xb, yb in train_loader:
        optimizer.zero_grad()
        loss = loss_fn(model(xb), yb)
        loss.backward()
        optimizer.step()
        running += loss.item() * len(xb)
    print(f"epoch {epoch:2d} train loss {running / len(train_set):.4f}")

model.eval()
correct = 0
with torch.no_grad():
    for xb, yb in test_loader:
        correct += (model(xb).argmax(dim=1) == yb).sum().item()
print(f"test accuracy: {correct / len(test_set):.4f}")
