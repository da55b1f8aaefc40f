# label: leakage/overlap
"""Classify snare drum rudiments from wrist IMU recordings of pipe band drummers.

Each session file holds one drummer playing one rudiment at a set tempo:
columns t, ax, ay, az, gx, gy, gz (200 Hz), plus a sessions.csv index.
"""
from pathlib import Path

import numpy as np
import pandas as pd
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset
from sklearn.model_selection import train_test_split
from sklearn.metrics import accuracy_score, confusion_matrix

DATA_DIR = Path("recordings/snare_imu")
CHANNELS = ["ax", "ay", "az", "gx", "gy", "gz"]
WINDOW = 400   # 2 s at 200 Hz
STRIDE = 100
RUDIMENTS = ["paradiddle", "flam", "drag", "roll", "double_stroke", "triplet"]
torch.manual_seed(0)


def session_windows(signal, window=WINDOW, stride=STRIDE):
    starts = range(0, len(signal) - window + 1, stride)
    return np.stack([signal[s:s + window] for s in starts])


def load_all(index):
    xs, ys = [], []
    for row in index.itertuples():
        sig = pd.read_csv(DATA_DIR / row.file)[CHANNELS].to_numpy(np.float32)
        w = session_windows(sig)
        xs.append(w)
        ys.append(np.full(len(w), RUDIMENTS.index(row.rudiment)))
    return np.concatenate(xs), np.concatenate(ys)


class StrokeNet(nn.Module):
    def __init__(self, n_channels, n_classes):
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv1d(n_channels, 32, kernel_size=9, padding=4), nn.BatchNorm1d(32), nn.ReLU(),
            nn.MaxPool1d(2),
            nn.Conv1d(32, 64, kernel_size=7, padding=3), nn.BatchNorm1d(64), nn.ReLU(),
            nn.MaxPool1d(2),
            nn.Conv1d(64, 64, kernel_size=5, padding=2), nn.ReLU(),
            nn.AdaptiveAvgPool1d(1),
        )
        self.head = nn.Linear(64, n_classes)

    def forward(self, x):
        return self.head(self.features(x).squeeze(-1))


def to_tensor(x, mean, std):
    x = (x - mean) / std
    return torch.from_numpy(x.transpose(0, 2, 1).copy())


index = pd.read_csv(DATA_DIR / "sessions.csv")
X, y = load_all(index)
print("windows:", X.shape)

X_train, X_test, y_train, y_test = train_test_split(
    X, y, test_size=0.2, stratify=y, random_state=0
)

mean = X_train.mean(axis=(0, 1), keepdims=True)
std = X_train.std(axis=(0, 1), keepdims=True) + 1e-6
train_ds = TensorDataset(to_tensor(X_train, mean, std), torch.from_numpy(y_train).long())
test_x = to_tensor(X_test, mean, std)

loader = DataLoader(train_ds, batch_size=64, shuffle=True)
model = StrokeNet(len(CHANNELS), len(RUDIMENTS))
optimiser = torch.optim.AdamW(model.parameters(), lr=1e-3, weight_decay=1e-4)
loss_fn = nn.CrossEntropyLoss()

for epoch in range(25):
    model.train()
    running = 0.0
    for xb, yb in loader:
        optimiser.zero_grad()
        loss = loss_fn(model(xb), yb)
        loss.backward()
        optimiser.step()
        running += loss.item() * len(xb)
    print(f"epoch {epoch + 1:02d} loss {running / len(train_ds):.4f}")

model.eval()
with torch.no_grad():
    pred = model(test_x).argmax(dim=1).numpy()
print(f"test accuracy: {accuracy_score(y_test, pred):.3f}")
print(pd.DataFrame(confusion_matrix(y_test, pred), index=RUDIMENTS, columns=RUDIMENTS))
