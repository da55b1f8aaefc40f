# label: leakage/overlap
# twin: ovl_torch_concat_augment__fixed.py
# source: hand-written for ai-ci held-out v2 (Apache-2.0)
import torch
from torch.utils.data import ConcatDataset, DataLoader, random_split
from torchvision import datasets, transforms

base_tf = transforms.Compose([transforms.Resize((128, 128)), transforms.ToTensor()])
aug_tf = transforms.Compose([
    transforms.Resize((128, 128)),
    transforms.RandomHorizontalFlip(p=1.0),
    transforms.ColorJitter(0.3, 0.3, 0.3),
    transforms.ToTensor(),
])

original = datasets.ImageFolder("data/xrays", transform=base_tf)
augmented = datasets.ImageFolder("data/xrays", transform=aug_tf)
everything = ConcatDataset([original, augmented])

g = torch.Generator().manual_seed(42)
train_set, test_set = random_split(everything, [0.8, 0.2], generator=g)
train_loader = DataLoader(train_set, batch_size=32, shuffle=True, generator=g)
test_loader = DataLoader(test_set, batch_size=64)

model = torch.hub.load("pytorch/vision", "resnet18", weights=None, num_classes=len(original.classes))
optimizer = torch.optim.AdamW(model.parameters(), lr=1e-3)
loss_fn = torch.nn.CrossEntropyLoss()
for epoch in range(10):
    model.train()
    for xb, yb in train_loader:
        optimizer.zero_grad()
        loss_fn(model(xb), yb).backward()
        optimizer.step()

model.eval()
correct = total = 0
with torch.no_grad():
    for xb, yb in test_loader:
        correct += (model(xb).argmax(1) == yb).sum().item()
        total += len(yb)
print("test accuracy", correct / total)
