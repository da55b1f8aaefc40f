# label: leakage/overlap
# twin: ovl_albumentations_files_then_split__fixed.py
# source: hand-written for ai-ci held-out v4 (Apache-2.0)
from pathlib import Path

import albumentations as A
import cv2
import torch
from torch import nn
from torch.utils.data import DataLoader, random_split
from torchvision import datasets, models, transforms

aug = A.Compose([A.HorizontalFlip(p=0.5), A.RandomBrightnessContrast(p=0.5), A.ShiftScaleRotate(p=0.5)])
src, dst = Path("raw/defects"), Path("work/defects")

# write every photo and four augmented versions of it
for img_path in src.glob("*/*.png"):
    out_dir = dst / img_path.parent.name
    out_dir.mkdir(parents=True, exist_ok=True)
    image = cv2.imread(str(img_path))
    cv2.imwrite(str(out_dir / img_path.name), image)
    for k in range(4):
        cv2.imwrite(str(out_dir / f"{img_path.stem}_aug{k}.png"), aug(image=image)["image"])

tfm = transforms.Compose([transforms.Resize((128, 128)), transforms.ToTensor()])
full = datasets.ImageFolder(dst, transform=tfm)
train_ds, test_ds = random_split(full, [0.8, 0.2], generator=torch.Generator().manual_seed(0))
n_classes = len(full.classes)

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
