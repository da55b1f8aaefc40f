# label: leakage/none
# Damping-off detection on microgreen trays (pea, radish, sunflower), one top-down
# photo per tray taken on day 6 in the germination room. Labels come from the
# grower's day-9 inspection sheet (1 = tray showed collapse / damping-off).
import pandas as pd
import torch
import torch.nn as nn
from PIL import Image
from sklearn.metrics import classification_report, roc_auc_score
from torch.utils.data import ConcatDataset, DataLoader, Dataset, random_split
from torchvision import models
from torchvision.transforms import functional as TF

IMG_SIZE = 224
MEAN = [0.485, 0.456, 0.406]
STD = [0.229, 0.224, 0.225]
device = "cuda" if torch.cuda.is_available() else "cpu"


class TrayPhotos(Dataset):
    def __init__(self, index_csv):
        self.index = pd.read_csv(index_csv)

    def __len__(self):
        return len(self.index)

    def __getitem__(self, i):
        row = self.index.iloc[i]
        img = Image.open(row["photo_path"]).convert("RGB")
        img = TF.resize(img, [IMG_SIZE, IMG_SIZE])
        x = TF.normalize(TF.to_tensor(img), MEAN, STD)
        return x, torch.tensor(row["damping_off"], dtype=torch.float32)


class Transformed(Dataset):
    def __init__(self, base, fn):
        self.base, self.fn = base, fn

    def __len__(self):
        return len(self.base)

    def __getitem__(self, i):
        x, y = self.base[i]
        return self.fn(x), y


AUGMENTS = [
    TF.hflip,
    TF.vflip,
    lambda x: torch.rot90(x, 1, dims=(1, 2)),
    lambda x: torch.rot90(x, 3, dims=(1, 2)),
]

g = torch.Generator().manual_seed(42)
base = TrayPhotos("photos/tray_index_2024.csv")
train_base, test_set = random_split(base, [0.8, 0.2], generator=g)
train_set = ConcatDataset([train_base] + [Transformed(train_base, fn) for fn in AUGMENTS])

train_dl = DataLoader(train_set, batch_size=32, shuffle=True, num_workers=4)
test_dl = DataLoader(test_set, batch_size=64, num_workers=4)

net = models.resnet18(weights=models.ResNet18_Weights.IMAGENET1K_V1)
net.fc = nn.Linear(net.fc.in_features, 1)
net = net.to(device)

opt = torch.optim.AdamW(net.parameters(), lr=3e-4, weight_decay=1e-4)
sched = torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=12)
loss_fn = nn.BCEWithLogitsLoss()

for epoch in range(12):
    net.train()
    running = 0.0
    for xb, yb in train_dl:
        xb, yb = xb.to(device), yb.to(device)
        opt.zero_grad()
        loss = loss_fn(net(xb).squeeze(1), yb)
        loss.backward()
        opt.step()
        running += loss.item() * len(xb)
    sched.step()
    print(f"epoch {epoch + 1:02d}  train loss {running / len(train_set):.4f}")

net.eval()
probs, labels = [], []
with torch.no_grad():
    for xb, yb in test_dl:
        probs.append(torch.sigmoid(net(xb.to(device)).squeeze(1)).cpu())
        labels.append(yb)
probs = torch.cat(probs).numpy()
labels = torch.cat(labels).numpy()

print(f"test ROC AUC: {roc_auc_score(labels, probs):.3f}")
print(classification_report(labels, probs >= 0.5, target_names=["healthy", "damping-off"]))
torch.save(net.state_dict(), "tray_damping_off_resnet18.pt")
