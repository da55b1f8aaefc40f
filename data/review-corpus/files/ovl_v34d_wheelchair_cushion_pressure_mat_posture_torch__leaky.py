# label: leakage/overlap
"""Sitting-posture classifier for a pressure-mapping wheelchair cushion.

Each recording session gives a stream of 32x32 pressure frames from one
wheelchair user; seating therapists labelled the posture of every frame
(upright, lean left, lean right, slouch, forward reach).
"""
import numpy as np
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset
from sklearn.metrics import classification_report, f1_score
from sklearn.model_selection import train_test_split

POSTURES = ["upright", "lean_left", "lean_right", "slouch", "forward_reach"]
SENSOR_MAX_MMHG = 200.0
DEVICE = "cuda" if torch.cuda.is_available() else "cpu"


class PostureNet(nn.Module):
    def __init__(self, n_classes=len(POSTURES)):
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv2d(1, 16, 3, padding=1), nn.BatchNorm2d(16), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(16, 32, 3, padding=1), nn.BatchNorm2d(32), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(32, 64, 3, padding=1), nn.BatchNorm2d(64), nn.ReLU(),
            nn.AdaptiveAvgPool2d(1),
        )
        self.head = nn.Sequential(nn.Flatten(), nn.Dropout(0.2), nn.Linear(64, n_classes))

    def forward(self, x):
        return self.head(self.features(x))


def load_sessions(path="data/cushion_sessions.npz"):
    arrays = np.load(path)
    frames = np.clip(arrays["frames"].astype(np.float32), 0, SENSOR_MAX_MMHG) / SENSOR_MAX_MMHG
    labels = arrays["posture"].astype(np.int64)
    users = arrays["user_id"]
    return frames[:, None, :, :], labels, users


def make_loader(frames, labels, shuffle):
    ds = TensorDataset(torch.from_numpy(frames), torch.from_numpy(labels))
    return DataLoader(ds, batch_size=128, shuffle=shuffle)


def train(model, loader, epochs=15):
    opt = torch.optim.AdamW(model.parameters(), lr=2e-3, weight_decay=1e-4)
    loss_fn = nn.CrossEntropyLoss()
    for epoch in range(epochs):
        model.train()
        total = 0.0
        for xb, yb in loader:
            xb, yb = xb.to(DEVICE), yb.to(DEVICE)
            opt.zero_grad()
            loss = loss_fn(model(xb), yb)
            loss.backward()
            opt.step()
            total += loss.item() * len(xb)
        print(f"epoch {epoch + 1:2d}  loss {total / len(loader.dataset):.4f}")


@torch.no_grad()
def predict(model, loader):
    model.eval()
    preds = [model(xb.to(DEVICE)).argmax(1).cpu() for xb, _ in loader]
    return torch.cat(preds).numpy()


def main():
    torch.manual_seed(0)
    frames, labels, users = load_sessions()
    print(f"{len(frames)} frames from {len(np.unique(users))} users")

    idx = np.arange(len(frames))
    train_idx, test_idx = train_test_split(idx, test_size=0.2, stratify=labels, random_state=0)

    train_loader = make_loader(frames[train_idx], labels[train_idx], shuffle=True)
    test_loader = make_loader(frames[test_idx], labels[test_idx], shuffle=False)

    model = PostureNet().to(DEVICE)
    train(model, train_loader)

    pred = predict(model, test_loader)
    y_test = labels[test_idx]
    print(classification_report(y_test, pred, target_names=POSTURES, digits=3))
    print(f"macro F1: {f1_score(y_test, pred, average='macro'):.3f}")
    torch.save(model.state_dict(), "posture_net.pt")


if __name__ == "__main__":
    main()
