# label: leakage/none
"""Genus classifier for digitised fungarium specimens.

Each accessioned specimen was photographed several times (cap, gills, stipe, packet label
side masked) during the digitisation project.
"""
import numpy as np
import pandas as pd
import torch
import torch.nn as nn
from PIL import Image
from sklearn.metrics import f1_score
from sklearn.model_selection import GroupShuffleSplit
from torch.utils.data import DataLoader, Dataset
from torchvision import models, transforms

DEVICE = "cuda" if torch.cuda.is_available() else "cpu"
IMG_ROOT = "fungarium/images"


class SpecimenPhotos(Dataset):
    def __init__(self, frame, classes, transform):
        self.paths = frame["image_file"].tolist()
        self.targets = [classes.index(g) for g in frame["genus"]]
        self.transform = transform

    def __len__(self):
        return len(self.paths)

    def __getitem__(self, idx):
        img = Image.open(f"{IMG_ROOT}/{self.paths[idx]}").convert("RGB")
        return self.transform(img), self.targets[idx]


class GenusTrainer:
    def __init__(self, n_classes, lr=3e-4, epochs=12):
        self.model = models.resnet34(weights=models.ResNet34_Weights.IMAGENET1K_V1)
        self.model.fc = nn.Linear(self.model.fc.in_features, n_classes)
        self.model.to(DEVICE)
        self.epochs = epochs
        self.opt = torch.optim.AdamW(self.model.parameters(), lr=lr, weight_decay=1e-4)
        self.sched = torch.optim.lr_scheduler.CosineAnnealingLR(self.opt, T_max=epochs)
        self.loss_fn = nn.CrossEntropyLoss(label_smoothing=0.05)

    def fit(self, loader):
        for epoch in range(self.epochs):
            self.model.train()
            total = 0.0
            for xb, yb in loader:
                xb, yb = xb.to(DEVICE), yb.to(DEVICE)
                self.opt.zero_grad()
                loss = self.loss_fn(self.model(xb), yb)
                loss.backward()
                self.opt.step()
                total += loss.item() * len(yb)
            self.sched.step()
            print(f"epoch {epoch + 1:02d}  loss {total / len(loader.dataset):.4f}")

    @torch.no_grad()
    def predict(self, loader):
        self.model.eval()
        preds = []
        for xb, _ in loader:
            preds.append(self.model(xb.to(DEVICE)).argmax(1).cpu())
        return torch.cat(preds).numpy()


def main():
    photos = pd.read_csv("fungarium/photo_index.csv")
    photos = photos[photos["usable"] == 1]
    counts = photos.groupby("genus")["specimen_id"].nunique()
    photos = photos[photos["genus"].isin(counts[counts >= 8].index)].reset_index(drop=True)
    classes = sorted(photos["genus"].unique())
    print(f"{len(photos)} photos, {photos.specimen_id.nunique()} specimens, {len(classes)} genera")

    splitter = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=21)
    train_idx, test_idx = next(splitter.split(photos, groups=photos["specimen_id"]))
    train_df, test_df = photos.iloc[train_idx], photos.iloc[test_idx]

    norm = transforms.Normalize([0.485, 0.456, 0.406], [0.229, 0.224, 0.225])
    train_tf = transforms.Compose([
        transforms.RandomResizedCrop(224, scale=(0.6, 1.0)),
        transforms.RandomHorizontalFlip(),
        transforms.ColorJitter(0.2, 0.2, 0.1),
        transforms.ToTensor(),
        norm,
    ])
    test_tf = transforms.Compose([
        transforms.Resize(256), transforms.CenterCrop(224), transforms.ToTensor(), norm,
    ])

    train_dl = DataLoader(SpecimenPhotos(train_df, classes, train_tf), batch_size=32, shuffle=True, num_workers=4)
    test_dl = DataLoader(SpecimenPhotos(test_df, classes, test_tf), batch_size=64, num_workers=4)

    trainer = GenusTrainer(len(classes))
    trainer.fit(train_dl)

    y_true = np.array(test_dl.dataset.targets)
    y_pred = trainer.predict(test_dl)
    print(f"test top-1 accuracy: {(y_true == y_pred).mean():.3f}")
    print(f"test macro F1: {f1_score(y_true, y_pred, average='macro'):.3f}")
    torch.save(trainer.model.state_dict(), "genus_resnet34.pt")


if __name__ == "__main__":
    main()
