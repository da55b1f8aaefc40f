# label: leakage/overlap
"""Crack / chip classifier for porcelain insulator strings on 132 kV lines.

Each survey flight photographs every insulator string from several angles; the
line engineers label each photo after reviewing the flight in the GIS viewer.
"""
from pathlib import Path

import pandas as pd
import torch
from PIL import Image
from sklearn.metrics import classification_report
from sklearn.model_selection import train_test_split
from torch import nn
from torch.utils.data import DataLoader, Dataset
from torchvision import models, transforms

ROOT = Path("/data/line_survey")
DEVICE = "cuda" if torch.cuda.is_available() else "cpu"
EPOCHS = 12

manifest = pd.read_csv(ROOT / "labels.csv")  # photo, insulator_id, tower_id, flight_id, damaged
manifest = manifest[manifest["photo"].map(lambda p: (ROOT / "photos" / p).exists())]

train_df, test_df = train_test_split(
    manifest, test_size=0.2, stratify=manifest["damaged"], random_state=3
)

MEAN, STD = [0.485, 0.456, 0.406], [0.229, 0.224, 0.225]
train_tf = transforms.Compose([
    transforms.RandomResizedCrop(224, scale=(0.7, 1.0)),
    transforms.RandomHorizontalFlip(),
    transforms.ColorJitter(0.2, 0.2, 0.1),
    transforms.ToTensor(),
    transforms.Normalize(MEAN, STD),
])
eval_tf = transforms.Compose([
    transforms.Resize(256),
    transforms.CenterCrop(224),
    transforms.ToTensor(),
    transforms.Normalize(MEAN, STD),
])


class InsulatorPhotos(Dataset):
    def __init__(self, frame, tf):
        self.paths = [ROOT / "photos" / p for p in frame["photo"]]
        self.labels = frame["damaged"].astype(int).tolist()
        self.tf = tf

    def __len__(self):
        return len(self.paths)

    def __getitem__(self, i):
        img = Image.open(self.paths[i]).convert("RGB")
        return self.tf(img), self.labels[i]


train_dl = DataLoader(InsulatorPhotos(train_df, train_tf), batch_size=32, shuffle=True, num_workers=4)
test_dl = DataLoader(InsulatorPhotos(test_df, eval_tf), batch_size=64, num_workers=4)

net = models.resnet18(weights=models.ResNet18_Weights.IMAGENET1K_V1)
net.fc = nn.Linear(net.fc.in_features, 2)
net = net.to(DEVICE)

pos_frac = train_df["damaged"].mean()
weights = torch.tensor([pos_frac, 1 - pos_frac], dtype=torch.float32, device=DEVICE)
loss_fn = nn.CrossEntropyLoss(weight=weights)
opt = torch.optim.AdamW(net.parameters(), lr=3e-4, weight_decay=1e-4)
sched = torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=EPOCHS)

for epoch in range(EPOCHS):
    net.train()
    running = 0.0
    for xb, yb in train_dl:
        xb, yb = xb.to(DEVICE), yb.to(DEVICE)
        opt.zero_grad()
        loss = loss_fn(net(xb), yb)
        loss.backward()
        opt.step()
        running += loss.item() * len(xb)
    sched.step()
    print(f"epoch {epoch + 1}: train loss {running / len(train_df):.4f}")

net.eval()
preds, truth = [], []
with torch.no_grad():
    for xb, yb in test_dl:
        preds += net(xb.to(DEVICE)).argmax(1).cpu().tolist()
        truth += yb.tolist()

print(classification_report(truth, preds, target_names=["intact", "damaged"], digits=3))
torch.save(net.state_dict(), "insulator_resnet18.pt")
