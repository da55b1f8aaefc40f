# label: leakage/overlap
# twin: ovl_v15_archive_scan_augment__fixed.py
# source: hand-written for ai-ci held-out v15 (Apache-2.0)
"""Classify digitised archive page scans (manuscript / typeset / map / photograph) with a small CNN."""
import numpy as np
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset
from sklearn.model_selection import train_test_split

# one page sampled per catalogue record: images uint8 (N, 128, 128), labels int (N,)
SCANS = "data/archive_scans/pages_128px.npz"
CLASSES = ["manuscript", "typeset", "map", "photograph"]
rng = np.random.default_rng(4)
torch.manual_seed(4)


def augment(images, labels, copies=3):
    """Append randomly rotated / mirrored / brightness-jittered copies."""
    out_x, out_y = [images], [labels]
    for _ in range(copies):
        aug = np.rot90(images, k=int(rng.integers(0, 4)), axes=(1, 2))
        if rng.random() < 0.5:
            aug = aug[:, :, ::-1]
        aug = np.clip(aug * rng.uniform(0.85, 1.15), 0, 255).astype(np.float32)
        out_x.append(aug)
        out_y.append(labels)
    return np.concatenate(out_x), np.concatenate(out_y)


def to_loader(x, y, shuffle):
    xt = torch.tensor(x[:, None] / 255.0, dtype=torch.float32)
    yt = torch.tensor(y, dtype=torch.long)
    return DataLoader(TensorDataset(xt, yt), batch_size=64, shuffle=shuffle)


class PageCNN(nn.Module):
    def __init__(self, n_classes):
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv2d(1, 16, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(16, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(32, 64, 3, padding=1), nn.ReLU(), nn.AdaptiveAvgPool2d(4),
        )
        self.head = nn.Linear(64 * 16, n_classes)

    def forward(self, x):
        return self.head(self.features(x).flatten(1))


def main():
    data = np.load(SCANS)
    images, labels = data["images"].astype(np.float32), data["labels"]

    images, labels = augment(images, labels)
    x_tr, x_te, y_tr, y_te = train_test_split(
        images, labels, test_size=0.2, stratify=labels, random_state=4
    )

    train_dl, test_dl = to_loader(x_tr, y_tr, True), to_loader(x_te, y_te, False)
    model = PageCNN(len(CLASSES))
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    loss_fn = nn.CrossEntropyLoss()
    for epoch in range(15):
        model.train()
        total = 0.0
        for xb, yb in train_dl:
            opt.zero_grad()
            loss = loss_fn(model(xb), yb)
            loss.backward()
            opt.step()
            total += loss.item() * len(xb)
        print(f"epoch {epoch + 1}: train loss {total / len(train_dl.dataset):.4f}")

    model.eval()
    correct = 0
    with torch.no_grad():
        for xb, yb in test_dl:
            correct += (model(xb).argmax(1) == yb).sum().item()
    print(f"test accuracy: {correct / len(test_dl.dataset):.4f}")
    torch.save(model.state_dict(), "models/page_cnn.pt")


if __name__ == "__main__":
    main()
