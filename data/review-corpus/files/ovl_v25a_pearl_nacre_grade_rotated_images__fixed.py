# label: leakage/none
"""Grade cultured pearls (A/B/C nacre quality) from 64x64 grayscale inspection photos with a small CNN."""
import numpy as np
import pandas as pd
import torch
import torch.nn as nn
from sklearn.metrics import accuracy_score, confusion_matrix
from sklearn.model_selection import train_test_split
from torch.utils.data import DataLoader, TensorDataset

torch.manual_seed(3)
meta = pd.read_csv("pearl_lots.csv")
images = np.load("pearl_photos.npy").astype(np.float32) / 255.0   # (n, 64, 64)
meta = meta[meta["photo_ok"] == 1]
images = images[meta["photo_idx"].to_numpy()]
grade_map = {"A": 0, "B": 1, "C": 2}
labels = meta["nacre_grade"].map(grade_map).to_numpy()


def rotations(imgs, ys):
    out_x, out_y = [imgs], [ys]
    for k in (1, 2, 3):
        out_x.append(np.rot90(imgs, k=k, axes=(1, 2)))
        out_y.append(ys)
    out_x.append(imgs[:, :, ::-1])
    out_y.append(ys)
    return np.concatenate(out_x), np.concatenate(out_y)


# pearls are round, so every rotation is an equally valid photo
X_tr, X_te, y_tr, y_te = train_test_split(images, labels, test_size=0.2,
                                          stratify=labels, random_state=3)
X_tr, y_tr = rotations(X_tr, y_tr)


class PearlNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.body = nn.Sequential(
            nn.Conv2d(1, 16, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(16, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(32, 64, 3, padding=1), nn.ReLU(), nn.AdaptiveAvgPool2d(1),
        )
        self.head = nn.Linear(64, 3)

    def forward(self, x):
        return self.head(self.body(x).flatten(1))


def to_loader(x, y, shuffle):
    ds = TensorDataset(torch.from_numpy(np.ascontiguousarray(x)).unsqueeze(1),
                       torch.from_numpy(y).long())
    return DataLoader(ds, batch_size=64, shuffle=shuffle)


train_dl = to_loader(X_tr, y_tr, True)
test_dl = to_loader(X_te, y_te, False)
net = PearlNet()
opt = torch.optim.Adam(net.parameters(), lr=1e-3, weight_decay=1e-4)
loss_fn = nn.CrossEntropyLoss()

for epoch in range(15):
    net.train()
    total = 0.0
    for xb, yb in train_dl:
        opt.zero_grad()
        loss = loss_fn(net(xb), yb)
        loss.backward()
        opt.step()
        total += loss.item() * len(xb)
    print(f"epoch {epoch + 1:2d} train loss {total / len(train_dl.dataset):.4f}")

net.eval()
preds = []
with torch.no_grad():
    for xb, _ in test_dl:
        preds.append(net(xb).argmax(1).numpy())
preds = np.concatenate(preds)
print("test accuracy:", round(accuracy_score(y_te, preds), 4))
print(confusion_matrix(y_te, preds))
