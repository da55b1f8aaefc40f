# label: leakage/overlap
# Lace mill inspection: classify 64x64 greyscale crops from the Leavers machine
# camera as "ok" or "defect" (broken bobbin thread, missed pattern, hole).
# Crops live in patches/ok/*.png and patches/defect/*.png.
from pathlib import Path

import numpy as np
import torch
import torch.nn as nn
from PIL import Image
from sklearn.metrics import classification_report, f1_score
from torch.utils.data import DataLoader, TensorDataset, random_split

ROOT = Path("patches")
CLASSES = ["ok", "defect"]
EPOCHS = 15
torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"


def load_patches(root):
    xs, ys = [], []
    for label, name in enumerate(CLASSES):
        for png in sorted((root / name).glob("*.png")):
            img = Image.open(png).convert("L").resize((64, 64))
            xs.append(np.asarray(img, dtype=np.float32) / 255.0)
            ys.append(label)
    x = torch.from_numpy(np.stack(xs)).unsqueeze(1)
    return x, torch.tensor(ys)


def with_flips(x, y):
    # lace repeats are symmetric, so mirrored and rotated crops are valid samples
    views = [x, torch.flip(x, dims=[3]), torch.flip(x, dims=[2]), torch.rot90(x, 2, dims=[2, 3])]
    return torch.cat(views), y.repeat(len(views))


class PatchNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv2d(1, 16, 3, padding=1), nn.BatchNorm2d(16), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(16, 32, 3, padding=1), nn.BatchNorm2d(32), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(32, 64, 3, padding=1), nn.BatchNorm2d(64), nn.ReLU(), nn.AdaptiveAvgPool2d(1),
        )
        self.head = nn.Sequential(nn.Flatten(), nn.Dropout(0.3), nn.Linear(64, 2))

    def forward(self, x):
        return self.head(self.features(x))


images, labels = load_patches(ROOT)
print(f"{len(images)} crops, defect share {labels.float().mean():.1%}")

images, labels = with_flips(images, labels)
dataset = TensorDataset(images, labels)
n_test = int(0.2 * len(dataset))
train_ds, test_ds = random_split(
    dataset, [len(dataset) - n_test, n_test], generator=torch.Generator().manual_seed(0)
)

train_dl = DataLoader(train_ds, batch_size=64, shuffle=True)
test_dl = DataLoader(test_ds, batch_size=256)

model = PatchNet().to(device)
counts = torch.bincount(labels[train_ds.indices], minlength=2).float()
loss_fn = nn.CrossEntropyLoss(weight=(counts.sum() / (2 * counts)).to(device))
opt = torch.optim.AdamW(model.parameters(), lr=1e-3, weight_decay=1e-4)
sched = torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=EPOCHS)

for epoch in range(EPOCHS):
    model.train()
    total = 0.0
    for xb, yb in train_dl:
        xb, yb = xb.to(device), yb.to(device)
        opt.zero_grad()
        loss = loss_fn(model(xb), yb)
        loss.backward()
        opt.step()
        total += loss.item() * len(xb)
    sched.step()
    print(f"epoch {epoch + 1:2d}  train loss {total / len(train_ds):.4f}")

model.eval()
preds, truth = [], []
with torch.no_grad():
    for xb, yb in test_dl:
        preds.append(model(xb.to(device)).argmax(1).cpu())
        truth.append(yb)
preds, truth = torch.cat(preds).numpy(), torch.cat(truth).numpy()

print(f"defect F1: {f1_score(truth, preds):.3f}")
print(classification_report(truth, preds, target_names=CLASSES, digits=3))
torch.save(model.state_dict(), "patchnet_lace.pt")
