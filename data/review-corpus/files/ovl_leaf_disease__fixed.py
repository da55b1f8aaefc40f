# label: leakage/none
# twin: ovl_leaf_disease__leaky.py
# source: hand-written for ai-ci held-out v11 (Apache-2.0)
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset, random_split
from torchvision import datasets, transforms, models

base = datasets.ImageFolder(
    "data/plant_village/leaves",
    transform=transforms.Compose([transforms.Resize((128, 128)), transforms.ToTensor()]),
)
augment = transforms.Compose([
    transforms.RandomHorizontalFlip(),
    transforms.RandomVerticalFlip(),
    transforms.RandomRotation(25),
    transforms.ColorJitter(brightness=0.2, contrast=0.2),
])


def expand(samples, copies):
    images, labels = [], []
    for img, label in samples:
        images.append(img)
        labels.append(label)
        for _ in range(copies):
            images.append(augment(img))
            labels.append(label)
    return TensorDataset(torch.stack(images), torch.tensor(labels))


gen = torch.Generator().manual_seed(0)
n_test = int(0.2 * len(base))
train_raw, test_raw = random_split(base, [len(base) - n_test, n_test], generator=gen)
train_ds, test_ds = expand(train_raw, copies=3), expand(test_raw, copies=0)

device = "cuda" if torch.cuda.is_available() else "cpu"
net = models.resnet18(num_classes=len(base.classes)).to(device)
opt = torch.optim.AdamW(net.parameters(), lr=3e-4, weight_decay=1e-4)
loss_fn = nn.CrossEntropyLoss()

for epoch in range(10):
    net.train()
    for xb, yb in DataLoader(train_ds, batch_size=64, shuffle=True):
        opt.zero_grad()
        loss = loss_fn(net(xb.to(device)), yb.to(device))
        loss.backward()
        opt.step()

net.eval()
correct = 0
with torch.no_grad():
    for xb, yb in DataLoader(test_ds, batch_size=256):
        correct += (net(xb.to(device)).argmax(1).cpu() == yb).sum().item()
print(f"test accuracy: {correct / len(test_ds):.3f}")
