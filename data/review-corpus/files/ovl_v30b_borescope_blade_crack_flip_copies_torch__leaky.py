# label: leakage/overlap
# HPT stage-1 blade borescope frames: crack / no crack.
# Frames were cropped to single blades by the inspection tool and saved as
# 128x128 grayscale arrays. Cracks are rare, so we add flipped/rotated copies.
import numpy as np
import pandas as pd
import torch
import torch.nn as nn
from sklearn.metrics import average_precision_score, roc_auc_score
from torch.utils.data import DataLoader, TensorDataset, random_split

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"

images = np.load("borescope/hpt1_blade_crops.npy").astype("float32") / 255.0   # (N, 128, 128)
meta = pd.read_csv("borescope/hpt1_blade_crops.csv")                          # one row per crop
labels = meta["crack"].to_numpy().astype("float32")


def dihedral_copies(img):
    # the 7 non-identity flips/rotations of a square crop
    out = [np.rot90(img, k) for k in (1, 2, 3)]
    flipped = np.fliplr(img)
    out += [flipped] + [np.rot90(flipped, k) for k in (1, 2, 3)]
    return [np.ascontiguousarray(o) for o in out]


aug_x, aug_y = [], []
for img, lab in zip(images, labels):
    aug_x.append(img)
    aug_y.append(lab)
    if lab == 1:
        for c in dihedral_copies(img):
            aug_x.append(c)
            aug_y.append(lab)
X = torch.from_numpy(np.stack(aug_x)).unsqueeze(1)
y = torch.from_numpy(np.array(aug_y, dtype="float32"))
print(f"{len(images)} crops -> {len(X)} after copies, crack share {y.mean():.3f}")

full = TensorDataset(X, y)
n_test = int(0.2 * len(full))
train_ds, test_ds = random_split(full, [len(full) - n_test, n_test], generator=torch.Generator().manual_seed(0))
train_dl = DataLoader(train_ds, batch_size=64, shuffle=True)
test_dl = DataLoader(test_ds, batch_size=256)


def block(c_in, c_out):
    return nn.Sequential(nn.Conv2d(c_in, c_out, 3, padding=1), nn.BatchNorm2d(c_out), nn.ReLU(), nn.MaxPool2d(2))


net = nn.Sequential(
    block(1, 16), block(16, 32), block(32, 64), block(64, 96),
    nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Dropout(0.3), nn.Linear(96, 1),
).to(device)
opt = torch.optim.AdamW(net.parameters(), lr=1e-3, weight_decay=1e-4)
loss_fn = nn.BCEWithLogitsLoss()

for epoch in range(25):
    net.train()
    running = 0.0
    for xb, yb in train_dl:
        xb, yb = xb.to(device), yb.to(device)
        opt.zero_grad()
        loss = loss_fn(net(xb).squeeze(1), yb)
        loss.backward()
        opt.step()
        running += loss.item() * len(xb)
    print(f"epoch {epoch + 1:02d}  train loss {running / len(train_ds):.4f}")

net.eval()
scores, truth = [], []
with torch.no_grad():
    for xb, yb in test_dl:
        scores.append(torch.sigmoid(net(xb.to(device)).squeeze(1)).cpu())
        truth.append(yb)
scores = torch.cat(scores).numpy()
truth = torch.cat(truth).numpy()
print(f"test ROC AUC {roc_auc_score(truth, scores):.3f}  AP {average_precision_score(truth, scores):.3f}")
torch.save(net.state_dict(), "models/hpt1_crack_cnn.pt")
