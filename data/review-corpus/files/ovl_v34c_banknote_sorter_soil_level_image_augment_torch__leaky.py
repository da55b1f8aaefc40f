# label: leakage/overlap
"""Fit/unfit soil grading of banknote images captured on the cash-centre sorter.

Grey-scale reflectance scans (front side) are graded by the quality team into
fit / unfit. A small CNN is trained; each scan is also used in flipped and
rotated form since notes enter the sorter in any orientation.
"""
import csv

import numpy as np
import torch
from PIL import Image
from torch import nn
from torch.utils.data import DataLoader, Dataset, random_split
from torchvision.transforms import functional as TF

INDEX_CSV = "scans/graded_index.csv"
IMG_SIZE = (64, 128)
ORIENTATIONS = ["none", "hflip", "vflip", "rot180"]
DEVICE = "cuda" if torch.cuda.is_available() else "cpu"


def read_index(path):
    with open(path, newline="") as fh:
        rows = [r for r in csv.DictReader(fh) if r["grade"] in ("fit", "unfit")]
    return [r["file"] for r in rows], [int(r["grade"] == "unfit") for r in rows]


class NoteScans(Dataset):
    def __init__(self, files, labels, orientations):
        self.items = [(f, y, o) for f, y in zip(files, labels) for o in orientations]

    def __len__(self):
        return len(self.items)

    def __getitem__(self, i):
        path, label, orient = self.items[i]
        img = TF.to_tensor(Image.open(path).convert("L").resize(IMG_SIZE[::-1]))
        if orient == "hflip":
            img = TF.hflip(img)
        elif orient == "vflip":
            img = TF.vflip(img)
        elif orient == "rot180":
            img = torch.rot90(img, 2, dims=(1, 2))
        return (img - 0.5) / 0.25, torch.tensor(label, dtype=torch.float32)


class SoilNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.body = nn.Sequential(
            nn.Conv2d(1, 16, 3, padding=1), nn.BatchNorm2d(16), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(16, 32, 3, padding=1), nn.BatchNorm2d(32), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(32, 64, 3, padding=1), nn.BatchNorm2d(64), nn.ReLU(),
            nn.AdaptiveAvgPool2d(1),
        )
        self.head = nn.Linear(64, 1)

    def forward(self, x):
        return self.head(self.body(x).flatten(1)).squeeze(1)


def evaluate(model, loader):
    model.eval()
    hits, total = 0, 0
    with torch.no_grad():
        for x, y in loader:
            pred = (torch.sigmoid(model(x.to(DEVICE))) > 0.5).float().cpu()
            hits += (pred == y).sum().item()
            total += len(y)
    return hits / total


def main():
    torch.manual_seed(0)
    files, labels = read_index(INDEX_CSV)
    print(f"{len(files)} scans, unfit share {np.mean(labels):.3f}")

    scans = NoteScans(files, labels, ORIENTATIONS)
    n_test = int(0.2 * len(scans))
    train_set, test_set = random_split(
        scans, [len(scans) - n_test, n_test], generator=torch.Generator().manual_seed(0)
    )

    train_loader = DataLoader(train_set, batch_size=64, shuffle=True, num_workers=4)
    test_loader = DataLoader(test_set, batch_size=128, num_workers=4)

    model = SoilNet().to(DEVICE)
    opt = torch.optim.AdamW(model.parameters(), lr=1e-3, weight_decay=1e-4)
    loss_fn = nn.BCEWithLogitsLoss()

    for epoch in range(20):
        model.train()
        running = 0.0
        for x, y in train_loader:
            x, y = x.to(DEVICE), y.to(DEVICE)
            opt.zero_grad()
            loss = loss_fn(model(x), y)
            loss.backward()
            opt.step()
            running += loss.item() * len(y)
        print(f"epoch {epoch + 1:2d}  train loss {running / len(train_set):.4f}")

    print(f"Test accuracy: {evaluate(model, test_loader):.3f}")
    torch.save(model.state_dict(), "soilnet.pt")


if __name__ == "__main__":
    main()
