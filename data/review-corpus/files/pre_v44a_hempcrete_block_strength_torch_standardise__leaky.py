# label: leakage/preprocessing
"""28-day compressive strength of cast hempcrete blocks from the mix sheet.

One row per mix batch (mean of the three cubes crushed at 28 days).
Small MLP so the mix designer can screen binder/water/hurd recipes.
"""
import argparse

import numpy as np
import pandas as pd
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

FEATURES = [
    "binder_to_hurd", "water_to_binder", "lime_share_nhl", "lime_share_hydrated",
    "pozzolan_share", "hurd_mean_length_mm", "hurd_dust_pct", "compaction_kpa",
    "cure_rh_pct", "cure_temp_c", "mould_release_days", "fresh_density_kg_m3",
]
TARGET = "strength_mpa_28d"


def load_batches(path):
    df = pd.read_csv(path)
    df = df.dropna(subset=FEATURES + [TARGET])
    df = df[df["cubes_crushed"] >= 2]
    return df


class StrengthMLP(nn.Module):
    def __init__(self, n_in, hidden=48):
        super().__init__()
        self.net = nn.Sequential(
            nn.Linear(n_in, hidden), nn.SiLU(),
            nn.Linear(hidden, hidden), nn.SiLU(),
            nn.Linear(hidden, 1),
        )

    def forward(self, x):
        return self.net(x).squeeze(-1)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", default="data/hempcrete_mix_batches.csv")
    parser.add_argument("--epochs", type=int, default=400)
    parser.add_argument("--seed", type=int, default=4)
    args = parser.parse_args()
    torch.manual_seed(args.seed)

    df = load_batches(args.data)
    X = torch.tensor(df[FEATURES].to_numpy(), dtype=torch.float32)
    y = torch.tensor(df[TARGET].to_numpy(), dtype=torch.float32)

    mu, sigma = X.mean(dim=0), X.std(dim=0).clamp_min(1e-6)
    X = (X - mu) / sigma

    perm = torch.randperm(len(X), generator=torch.Generator().manual_seed(args.seed))
    n_test = int(0.2 * len(X))
    test_idx, train_idx = perm[:n_test], perm[n_test:]

    loader = DataLoader(TensorDataset(X[train_idx], y[train_idx]), batch_size=32, shuffle=True)
    model = StrengthMLP(len(FEATURES))
    opt = torch.optim.AdamW(model.parameters(), lr=2e-3, weight_decay=1e-4)
    loss_fn = nn.MSELoss()

    for epoch in range(1, args.epochs + 1):
        model.train()
        total = 0.0
        for xb, yb in loader:
            opt.zero_grad()
            loss = loss_fn(model(xb), yb)
            loss.backward()
            opt.step()
            total += loss.item() * len(xb)
        if epoch % 50 == 0:
            print(f"epoch {epoch:4d}  train RMSE {np.sqrt(total / len(train_idx)):.3f} MPa")

    model.eval()
    with torch.no_grad():
        pred = model(X[test_idx]).numpy()
    truth = y[test_idx].numpy()
    rmse = np.sqrt(np.mean((pred - truth) ** 2))
    mae = np.mean(np.abs(pred - truth))
    r2 = 1 - np.sum((pred - truth) ** 2) / np.sum((truth - truth.mean()) ** 2)
    print(f"test batches {len(truth)}: RMSE {rmse:.3f}  MAE {mae:.3f} MPa  R2 {r2:.3f}")


if __name__ == "__main__":
    main()
