# label: leakage/none
"""Classify fossil shark teeth to genus from museum collection photographs."""
import numpy as np
import pandas as pd
import torch
from torch import nn
from torch.utils.data import DataLoader, Subset, TensorDataset
from sklearn.metrics import accuracy_score, f1_score

torch.manual_seed(0)

photos = np.load("tooth_photos_96px.npz")
photo_index = pd.DataFrame({
    "row": np.arange(len(photos["specimen_id"])),
    "specimen_id": photos["specimen_id"],
    "view": photos["view"],
})
catalogue = pd.read_csv("specimen_catalogue.csv")
catalogue = catalogue[catalogue["genus_confirmed"] == 1]
genera = sorted(catalogue["genus"].unique())
genus_code = {g: i for i, g in enumerate(genera)}

meta = photo_index.merge(catalogue[["specimen_id", "genus"]], on="specimen_id", how="inner")
images = photos["images"][meta["row"].to_numpy()].astype(np.float32) / 255.0
x = torch.from_numpy(images).permute(0, 3, 1, 2).contiguous()
y = torch.tensor(meta["genus"].map(genus_code).to_numpy(), dtype=torch.long)
dataset = TensorDataset(x, y)
print(f"{len(dataset)} photos of {meta['specimen_id'].nunique()} specimens, {len(genera)} genera")

rng = np.random.default_rng(42)
specimen_ids = meta["specimen_id"].unique()
test_ids = rng.choice(specimen_ids, size=int(0.2 * len(specimen_ids)), replace=False)
in_test = meta["specimen_id"].isin(test_ids).to_numpy()
train_set = Subset(dataset, np.flatnonzero(~in_test).tolist())
test_set = Subset(dataset, np.flatnonzero(in_test).tolist())


class ToothNet(nn.Module):
    def __init__(self, n_classes):
        super().__init__()
        def block(cin, cout):
            return nn.Sequential(nn.Conv2d(cin, cout, 3, padding=1), nn.BatchNorm2d(cout),
                                 nn.ReLU(), nn.MaxPool2d(2))
        self.features = nn.Sequential(block(3, 32), block(32, 64), block(64, 128), block(128, 128))
        self.head = nn.Sequential(nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Dropout(0.3),
                                  nn.Linear(128, n_classes))

    def forward(self, xb):
        return self.head(self.features(xb))


device = "cuda" if torch.cuda.is_available() else "cpu"
model = ToothNet(len(genera)).to(device)
opt = torch.optim.AdamW(model.parameters(), lr=1e-3, weight_decay=1e-4)
sched = torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=20)
loss_fn = nn.CrossEntropyLoss()
train_loader = DataLoader(train_set, batch_size=32, shuffle=True)
test_loader = DataLoader(test_set, batch_size=64)

for epoch in range(20):
    model.train()
    running = 0.0
    for xb, yb in train_loader:
        xb, yb = xb.to(device), yb.to(device)
        if torch.rand(1).item() < 0.5:
            xb = torch.flip(xb, dims=[3])
        opt.zero_grad()
        loss = loss_fn(model(xb), yb)
        loss.backward()
        opt.step()
        running += loss.item() * len(xb)
    sched.step()
    print(f"epoch {epoch + 1:02d} train loss {running / len(train_set):.4f}")

model.eval()
preds, truth = [], []
with torch.no_grad():
    for xb, yb in test_loader:
        preds.append(model(xb.to(device)).argmax(1).cpu().numpy())
        truth.append(yb.numpy())
preds, truth = np.concatenate(preds), np.concatenate(truth)
print(f"test accuracy: {accuracy_score(truth, preds):.3f}")
print(f"test macro F1: {f1_score(truth, preds, average='macro'):.3f}")
