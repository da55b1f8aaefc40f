# label: leakage/none
"""Classify the production decade of antique clock dials from catalogue photographs with a small CNN."""
from pathlib import Path

import numpy as np
import pandas as pd
import torch
import torch.nn as nn
from PIL import Image
from torch.utils.data import DataLoader, Dataset, random_split

PHOTO_ROOT = Path("dial_photos")  # export from the cataloguing tool: full/ and thumbs/
catalogue = pd.read_csv("dial_catalogue.csv")  # photo_stem, decade, maker, region
catalogue = catalogue.drop_duplicates("photo_stem")
catalogue = catalogue[catalogue["decade"].between(1750, 1930)]
decades = sorted(catalogue["decade"].unique())
decade_to_idx = {d: i for i, d in enumerate(decades)}
stem_to_decade = dict(zip(catalogue["photo_stem"], catalogue["decade"]))

paths = [p for p in sorted((PHOTO_ROOT / "full").glob("*.jpg")) if p.stem in stem_to_decade]
print(len(paths), "images,", len(decades), "decades")


class DialDataset(Dataset):
    def __init__(self, paths, size=128):
        self.paths = paths
        self.size = size

    def __len__(self):
        return len(self.paths)

    def __getitem__(self, i):
        img = Image.open(self.paths[i]).convert("RGB").resize((self.size, self.size))
        x = torch.from_numpy(np.asarray(img, dtype=np.float32) / 255.0).permute(2, 0, 1)
        x = (x - 0.5) / 0.5
        y = decade_to_idx[stem_to_decade[self.paths[i].stem]]
        return x, y


full = DialDataset(paths)
n_test = int(0.2 * len(full))
train_ds, test_ds = random_split(
    full, [len(full) - n_test, n_test], generator=torch.Generator().manual_seed(7)
)
train_dl = DataLoader(train_ds, batch_size=32, shuffle=True, num_workers=2)
test_dl = DataLoader(test_ds, batch_size=64, num_workers=2)

model = nn.Sequential(
    nn.Conv2d(3, 32, 3, padding=1), nn.BatchNorm2d(32), nn.ReLU(), nn.MaxPool2d(2),
    nn.Conv2d(32, 64, 3, padding=1), nn.BatchNorm2d(64), nn.ReLU(), nn.MaxPool2d(2),
    nn.Conv2d(64, 128, 3, padding=1), nn.BatchNorm2d(128), nn.ReLU(), nn.MaxPool2d(2),
    nn.Conv2d(128, 128, 3, padding=1), nn.ReLU(), nn.AdaptiveAvgPool2d(1),
    nn.Flatten(), nn.Dropout(0.3), nn.Linear(128, len(decades)),
)
device = "cuda" if torch.cuda.is_available() else "cpu"
model.to(device)
opt = torch.optim.AdamW(model.parameters(), lr=1e-3, weight_decay=1e-4)
loss_fn = nn.CrossEntropyLoss()

for epoch in range(25):
    model.train()
    total = 0.0
    for xb, yb in train_dl:
        xb, yb = xb.to(device), yb.to(device)
        opt.zero_grad()
        loss = loss_fn(model(xb), yb)
        loss.backward()
        opt.step()
        total += loss.item() * len(xb)
    print(f"epoch {epoch + 1:2d}  train loss {total / len(train_ds):.4f}")

model.eval()
hits, within_one = 0, 0
with torch.no_grad():
    for xb, yb in test_dl:
        pred = model(xb.to(device)).argmax(1).cpu()
        hits += (pred == yb).sum().item()
        within_one += ((pred - yb).abs() <= 1).sum().item()
print(f"test accuracy {hits / n_test:.3f}, within one decade {within_one / n_test:.3f}")
