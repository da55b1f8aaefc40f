# label: leakage/none
# twin: ovl_albumentations_files_then_split__leaky.py
# source: hand-written for ai-ci held-out v4 (Apache-2.0)
from pathlib import Path

import albumentations as A
import cv2
from sklearn.model_selection import train_test_split
import torch
from torch import nn
from torch.utils.data import DataLoader
from torchvision import datasets, models, transforms

aug = A.Compose([A.HorizontalFlip(p=0.5), A.RandomBrightnessContrast(p=0.5), A.ShiftScaleRotate(p=0.5)])
src, dst = Path("raw/defects"), Path("work")

# split the photos first; only training photos get augmented versions
photos = sorted(src.glob("*/*.png"))
train_photos, test_photos = train_test_split(photos, test_size=0.2, random_state=0, stratify=[p.parent.name for p in photos])
for part, paths in (("train", train_photos), ("test", test_photos)):
    for img_path in paths:
        out_dir = dst / part / img_path.parent.name
        out_dir.mkdir(parents=True, exist_ok=True)
        image = cv2.imread(str(img_path))
        cv2.imwrite(str(out_dir / img_path.name), image)
        if part == "train":
            for k in range(4):
                cv2.imwrite(str(out_dir / f"{img_path.stem}_aug{k}.png"), aug(image=image)["image"])

tfm = transforms.Compose([transforms.Resize((128, 128)), transforms.ToTensor()])
train_ds = datasets.ImageFolder(dst / "train", transform=tfm)
test_ds = datasets.ImageFolder(dst / "test", transform=tfm)
n_classes = len(train_ds.classes)

net = models.resnet18(num_classes=n_classes)
opt = torch.optim.SGD(net.parameters(), lr=0.01, momentum=0.9)
for epoch in range(15):
    net.train()
    for xb, yb in DataLoader(train_ds, batch_size=32, shuffle=True):
        opt.zero_grad()
        nn.functional.cross_entropy(net(xb), yb).backward()
        opt.step()

net.eval()
with torch.no_grad():
    right = sum((net(xb).argmax(1) == yb).sum().item() for xb, yb in DataLoader(test_ds, batch_size=64))
print("defect accuracy:", right / len(test_ds))
