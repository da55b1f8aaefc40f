# label: leakage/none
"""Giemsa thin-smear cell crops: parasitised vs uninfected red cells.

Crops are 64x64 RGB, pre-segmented from field-clinic slides (one slide per
patient, a few hundred crops each).
"""
import numpy as np
import torch
from torch import nn
from torch.utils.data import DataLoader, Dataset
from sklearn.metrics import f1_score, roc_auc_score
from sklearn.model_selection import GroupShuffleSplit

torch.manual_seed(0)
DEVICE = "cuda" if torch.cuda.is_available() else "cpu"


class CellCrops(Dataset):
    def __init__(self, images, labels, mean, std, flip=False):
        self.images = images
        self.labels = labels.astype(np.float32)
        self.mean = mean.reshape(3, 1, 1)
        self.std = std.reshape(3, 1, 1)
        self.flip = flip

    def __len__(self):
        return len(self.labels)

    def __getitem__(self, i):
        img = (self.images[i].transpose(2, 0, 1) - self.mean) / self.std
        if self.flip and np.random.rand() < 0.5:
            img = img[:, :, ::-1]
        return torch.from_numpy(np.ascontiguousarray(img, dtype=np.float32)), self.labels[i]


def small_cnn():
    def block(cin, cout):
        return nn.Sequential(nn.Conv2d(cin, cout, 3, padding=1), nn.BatchNorm2d(cout),
                             nn.ReLU(), nn.MaxPool2d(2))
    return nn.Sequential(block(3, 32), block(32, 64), block(64, 128), block(128, 128),
                         nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Dropout(0.3), nn.Linear(128, 1))


def predict(model, loader):
    model.eval()
    out = []
    with torch.no_grad():
        for xb, _ in loader:
            out.append(torch.sigmoid(model(xb.to(DEVICE))).squeeze(1).cpu().numpy())
    return np.concatenate(out)


def main():
    arr = np.load("data/smear_crops_64.npz")
    images = arr["images"].astype(np.float32) / 255.0  # (N, 64, 64, 3)
    labels, patients = arr["parasitised"], arr["patient_id"]
    print(f"{len(labels)} crops from {len(np.unique(patients))} patients, "
          f"{labels.mean():.1%} parasitised")

    gss = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=0)
    tr, te = next(gss.split(images, labels, groups=patients))

    # per-channel stain statistics for normalisation
    mean = images[tr].mean(axis=(0, 1, 2))
    std = images[tr].std(axis=(0, 1, 2))

    train_dl = DataLoader(CellCrops(images[tr], labels[tr], mean, std, flip=True),
                          batch_size=128, shuffle=True, num_workers=2)
    test_dl = DataLoader(CellCrops(images[te], labels[te], mean, std), batch_size=256)

    model = small_cnn().to(DEVICE)
    opt = torch.optim.AdamW(model.parameters(), lr=1e-3, weight_decay=1e-4)
    sched = torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=12)
    loss_fn = nn.BCEWithLogitsLoss()

    for epoch in range(12):
        model.train()
        running = 0.0
        for xb, yb in train_dl:
            xb, yb = xb.to(DEVICE), yb.to(DEVICE)
            opt.zero_grad()
            loss = loss_fn(model(xb).squeeze(1), yb)
            loss.backward()
            opt.step()
            running += loss.item() * len(yb)
        sched.step()
        print(f"epoch {epoch + 1:2d}  train loss {running / len(tr):.4f}")

    p = predict(model, test_dl)
    y_te = labels[te]
    print(f"test ROC-AUC : {roc_auc_score(y_te, p):.4f}")
    print(f"test F1      : {f1_score(y_te, p >= 0.5):.4f}")
    print(f"test accuracy: {np.mean((p >= 0.5) == y_te):.4f}")


if __name__ == "__main__":
    main()
