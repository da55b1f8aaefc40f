# label: leakage/preprocessing
"""Predict post-cure warp (mm, measured on the CMM) for resin print jobs."""
import numpy as np
import pandas as pd
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

RESINS = ["standard_grey", "tough_2000", "rigid_10k", "flexible_80a", "castable_wax", "dental_model"]
NUMERIC = [
    "layer_height_um", "exposure_s", "bottom_exposure_s", "lift_speed_mm_min", "vat_temp_c",
    "room_temp_c", "room_rh", "part_volume_ml", "bbox_x_mm", "bbox_y_mm", "bbox_z_mm",
    "max_cross_section_mm2", "support_count", "support_tip_mm", "tilt_deg", "hollowed",
    "resin_age_days", "cure_minutes", "cure_temp_c",
]


class WarpMLP(nn.Module):
    def __init__(self, n_in):
        super().__init__()
        self.net = nn.Sequential(
            nn.Linear(n_in, 128), nn.ReLU(), nn.Dropout(0.1),
            nn.Linear(128, 64), nn.ReLU(),
            nn.Linear(64, 1),
        )

    def forward(self, x):
        return self.net(x).squeeze(-1)


def load_jobs(path):
    df = pd.read_csv(path)
    df = df[df["print_status"] == "ok"].dropna(subset=["warp_mm"])
    resin = pd.get_dummies(pd.Categorical(df["resin"], categories=RESINS), dtype=float).to_numpy()
    X = np.hstack([df[NUMERIC].to_numpy(dtype=float), resin])
    return torch.tensor(X, dtype=torch.float32), torch.tensor(df["warp_mm"].to_numpy(), dtype=torch.float32)


def main():
    torch.manual_seed(5)
    X, y = load_jobs("data/print_jobs_cmm.csv")
    n = len(y)
    n_test = int(0.2 * n)
    perm = torch.randperm(n, generator=torch.Generator().manual_seed(5))
    test_idx, train_idx = perm[:n_test], perm[n_test:]

    mean, std = X.mean(dim=0), X.std(dim=0).clamp_min(1e-6)
    X_norm = (X - mean) / std

    train_dl = DataLoader(TensorDataset(X_norm[train_idx], y[train_idx]), batch_size=64, shuffle=True)
    X_test, y_test = X_norm[test_idx], y[test_idx]

    model = WarpMLP(X.shape[1])
    opt = torch.optim.AdamW(model.parameters(), lr=1e-3, weight_decay=1e-4)
    loss_fn = nn.SmoothL1Loss(beta=0.05)

    for epoch in range(150):
        model.train()
        total = 0.0
        for xb, yb in train_dl:
            opt.zero_grad()
            loss = loss_fn(model(xb), yb)
            loss.backward()
            opt.step()
            total += loss.item() * len(yb)
        if epoch % 25 == 0:
            print(f"epoch {epoch:3d}  train loss {total / len(train_idx):.4f}")

    model.eval()
    with torch.no_grad():
        pred = model(X_test)
    mae = (pred - y_test).abs().mean().item()
    rmse = ((pred - y_test) ** 2).mean().sqrt().item()
    within = ((pred - y_test).abs() < 0.1).float().mean().item()
    print(f"test MAE {mae:.3f} mm, RMSE {rmse:.3f} mm, within 0.1 mm: {within:.1%}")
    print(f"baseline (train mean) MAE {(y_test - y[train_idx].mean()).abs().mean().item():.3f} mm")


if __name__ == "__main__":
    main()
