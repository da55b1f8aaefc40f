# label: leakage/overlap
"""Classify the mining region of sapphires from laser-induced breakdown (LIBS) spectra with a 1D CNN."""
import numpy as np
import pandas as pd
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset, random_split
from sklearn.metrics import classification_report

torch.manual_seed(42)
rng = np.random.default_rng(42)

meta = pd.read_csv("data/sapphire_stones.csv")           # stone_id, origin, carat, ...
spectra = np.load("data/sapphire_libs_mean_spectra.npy")  # one averaged spectrum per stone, same order
keep = meta["origin"].notna().to_numpy()
meta, spectra = meta[keep].reset_index(drop=True), spectra[keep]
classes = sorted(meta["origin"].unique())
y = meta["origin"].map({c: i for i, c in enumerate(classes)}).to_numpy()

# per-spectrum baseline removal and peak normalisation
spectra = spectra - np.percentile(spectra, 5, axis=1, keepdims=True)
spectra = spectra / spectra.max(axis=1, keepdims=True)


def jitter(X, labels, copies=4):
    """Small wavelength shifts, gain changes and noise to mimic instrument drift."""
    xs, ys = [X], [labels]
    for _ in range(copies):
        shifted = np.roll(X, int(rng.integers(-3, 4)), axis=1)
        gain = rng.normal(1.0, 0.05, size=(len(X), 1))
        xs.append(shifted * gain + rng.normal(0, 0.01, size=X.shape))
        ys.append(labels)
    return np.concatenate(xs), np.concatenate(ys)


def to_dataset(X, labels):
    return TensorDataset(torch.tensor(X, dtype=torch.float32).unsqueeze(1), torch.tensor(labels))


X_aug, y_aug = jitter(spectra, y)
dataset = to_dataset(X_aug, y_aug)
n_test = int(0.2 * len(dataset))
train_ds, test_ds = random_split(dataset, [len(dataset) - n_test, n_test],
                                 generator=torch.Generator().manual_seed(42))


class SpectrumCNN(nn.Module):
    def __init__(self, n_classes):
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv1d(1, 16, 9, padding=4), nn.ReLU(), nn.MaxPool1d(4),
            nn.Conv1d(16, 32, 7, padding=3), nn.ReLU(), nn.MaxPool1d(4),
            nn.Conv1d(32, 64, 5, padding=2), nn.ReLU(), nn.AdaptiveAvgPool1d(8),
        )
        self.head = nn.Sequential(nn.Flatten(), nn.Dropout(0.3), nn.Linear(64 * 8, n_classes))

    def forward(self, x):
        return self.head(self.features(x))


model = SpectrumCNN(len(classes))
opt = torch.optim.Adam(model.parameters(), lr=1e-3)
loss_fn = nn.CrossEntropyLoss()
train_dl = DataLoader(train_ds, batch_size=64, shuffle=True)
for epoch in range(40):
    model.train()
    total = 0.0
    for xb, yb in train_dl:
        opt.zero_grad()
        loss = loss_fn(model(xb), yb)
        loss.backward()
        opt.step()
        total += loss.item() * len(xb)
    if epoch % 10 == 9:
        print(f"epoch {epoch + 1}: train loss {total / len(train_ds):.4f}")

model.eval()
preds, truth = [], []
with torch.no_grad():
    for xb, yb in DataLoader(test_ds, batch_size=256):
        preds.append(model(xb).argmax(1).numpy())
        truth.append(yb.numpy())
preds, truth = np.concatenate(preds), np.concatenate(truth)
print(f"test accuracy {np.mean(preds == truth):.3f} on {len(truth)} spectra")
print(classification_report(truth, preds, target_names=classes, digits=3))
