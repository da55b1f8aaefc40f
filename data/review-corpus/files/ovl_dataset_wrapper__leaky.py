# label: leakage/overlap
# twin: ovl_dataset_wrapper__fixed.py
# source: hand-written for ai-ci, tuning part (Apache-2.0)
import torch
from torch.utils.data import ConcatDataset, DataLoader, Dataset, random_split
from torchvision import datasets, transforms


class Jitter(Dataset):
    """The images of another dataset, colour-jittered."""

    def __init__(self, base):
        self.base = base
        self.tf = transforms.ColorJitter(0.4, 0.4, 0.4)

    def __len__(self):
        return len(self.base)

    def __getitem__(self, i):
        img, label = self.base[i]
        return self.tf(img), label


plants = datasets.ImageFolder("plant_leaves", transform=transforms.ToTensor())
data = ConcatDataset([plants, Jitter(plants)])
train_set, test_set = random_split(data, [0.8, 0.2], generator=torch.Generator().manual_seed(0))

model = torch.hub.load("pytorch/vision", "mobilenet_v3_small", num_classes=len(plants.classes))
opt = torch.optim.Adam(model.parameters(), lr=3e-4)
for epoch in range(8):
    model.train()
    for x, y in DataLoader(train_set, batch_size=32, shuffle=True):
        opt.zero_grad()
        torch.nn.functional.cross_entropy(model(x), y).backward()
        opt.step()
model.eval()
hits = 0
with torch.no_grad():
    for x, y in DataLoader(test_set, batch_size=64):
        hits += (model(x).argmax(1) == y).sum().item()
print("test accuracy", hits / len(test_set))
