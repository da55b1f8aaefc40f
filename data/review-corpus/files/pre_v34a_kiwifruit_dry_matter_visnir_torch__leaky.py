# label: leakage/preprocessing
"""Dry-matter (%) prediction for kiwifruit from handheld Vis-NIR scans.

Each fruit was scanned once on the packhouse bench and then cut for the
oven-dried reference measurement. 310-1100 nm, resampled to 2 nm steps.
"""
import numpy as np
import pandas as pd
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

torch.manual_seed(0)
DEVICE = "cuda" if torch.cuda.is_available() else "cpu"


def load_scans(path: str):
    df = pd.read_parquet(path)
    df = df[df["scan_quality"] == "ok"]
    band_cols = [c for c in df.columns if c.startswith("nm_")]
    absorb = -np.log10(df[band_cols].clip(lower=1e-4).to_numpy(np.float32))
    # first derivative along wavelength removes most of the baseline offset
    deriv = np.gradient(absorb, axis=1).astype(np.float32)
    y = df["dry_matter_pct"].to_numpy(np.float32)
    return torch.from_numpy(deriv), torch.from_numpy(y)


class SpectraNet(nn.Module):
    def __init__(self, n_bands: int):
        super().__init__()
        self.conv = nn.Sequential(
            nn.Conv1d(1, 8, kernel_size=9, padding=4),
            nn.ReLU(),
            nn.MaxPool1d(2),
            nn.Conv1d(8, 16, kernel_size=7, padding=3),
            nn.ReLU(),
            nn.MaxPool1d(2),
        )
        self.head = nn.Sequential(
            nn.Flatten(),
            nn.Linear(16 * (n_bands // 4), 64),
            nn.ReLU(),
            nn.Dropout(0.2),
            nn.Linear(64, 1),
        )

    def forward(self, x):
        return self.head(self.conv(x.unsqueeze(1))).squeeze(1)


def train(model, loader, epochs=80, lr=1e-3):
    opt = torch.optim.AdamW(model.parameters(), lr=lr, weight_decay=1e-4)
    sched = torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=epochs)
    loss_fn = nn.MSELoss()
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
        sched.step()
        if (epoch + 1) % 20 == 0:
            print(f"epoch {epoch + 1:3d}  train mse {total / len(loader.dataset):.4f}")
    return model


@torch.no_grad()
def evaluate(model, X, y):
    model.eval()
    pred = model(X.to(DEVICE)).cpu()
    rmsep = torch.sqrt(torch.mean((pred - y) ** 2)).item()
    bias = torch.mean(pred - y).item()
    r2 = 1 - torch.sum((pred - y) ** 2).item() / torch.sum((y - y.mean()) ** 2).item()
    return rmsep, bias, r2


def main():
    X, y = load_scans("data/kiwi_visnir_2023_season.parquet")
    print(f"{len(y)} fruit, {X.shape[1]} bands")

    band_mean = X.mean(dim=0)
    band_std = X.std(dim=0) + 1e-6
    X = (X - band_mean) / band_std

    perm = torch.randperm(len(y))
    n_test = int(0.2 * len(y))
    test_idx, train_idx = perm[:n_test], perm[n_test:]

    loader = DataLoader(
        TensorDataset(X[train_idx], y[train_idx]), batch_size=64, shuffle=True
    )
    model = train(SpectraNet(X.shape[1]).to(DEVICE), loader)

    rmsep, bias, r2 = evaluate(model, X[test_idx], y[test_idx])
    print(f"RMSEP {rmsep:.3f} %DM   bias {bias:+.3f}   R2 {r2:.3f}")
    print(f"SD of reference DM in test: {y[test_idx].std().item():.3f}  (RPD {y[test_idx].std().item() / rmsep:.2f})")


if __name__ == "__main__":
    main()
