# label: leakage/none
"""Helium permeability of airship envelope laminates after accelerated ageing.
One row per specimen from the materials lab test sheets."""
import argparse

import numpy as np
import pandas as pd
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset, random_split

NUMERIC = [
    "film_thickness_um", "tedlar_layer_um", "vectran_denier", "weave_density_tpi",
    "adhesive_gsm", "coating_gsm", "uv_hours", "thermal_cycles", "flex_cycles",
    "humidity_pct", "test_temp_c", "test_pressure_pa",
]
ADHESIVES = ["polyurethane", "polyester", "acrylic"]


def load_specimens(sheet_paths):
    frames = [pd.read_excel(p, sheet_name="specimens") for p in sheet_paths]
    df = pd.concat(frames, ignore_index=True)
    df = df.dropna(subset=NUMERIC + ["permeability_l_m2_day"])
    for a in ADHESIVES:
        df[f"adh_{a}"] = (df["adhesive_type"] == a).astype(np.float32)
    df["log_perm"] = np.log1p(df["permeability_l_m2_day"])
    return df


class PermeabilityNet(nn.Module):
    def __init__(self, n_in, hidden=64, p_drop=0.1):
        super().__init__()
        self.body = nn.Sequential(
            nn.Linear(n_in, hidden), nn.SiLU(), nn.Dropout(p_drop),
            nn.Linear(hidden, hidden), nn.SiLU(), nn.Dropout(p_drop),
            nn.Linear(hidden, 1),
        )

    def forward(self, x):
        return self.body(x).squeeze(-1)


def run_epoch(model, loader, opt=None):
    train = opt is not None
    model.train(train)
    total, n = 0.0, 0
    for xb, yb in loader:
        with torch.set_grad_enabled(train):
            loss = nn.functional.mse_loss(model(xb), yb)
        if train:
            opt.zero_grad()
            loss.backward()
            opt.step()
        total += loss.item() * len(xb)
        n += len(xb)
    return total / n


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("sheets", nargs="+")
    ap.add_argument("--epochs", type=int, default=150)
    ap.add_argument("--lr", type=float, default=2e-3)
    args = ap.parse_args()
    torch.manual_seed(0)

    df = load_specimens(args.sheets)
    cols = NUMERIC + [f"adh_{a}" for a in ADHESIVES]
    X = torch.tensor(df[cols].to_numpy(np.float32))
    y = torch.tensor(df["log_perm"].to_numpy(np.float32))

    n_test = int(0.2 * len(X))
    train_idx, test_idx = random_split(
        range(len(X)), [len(X) - n_test, n_test], generator=torch.Generator().manual_seed(0)
    )
    train_idx, test_idx = list(train_idx), list(test_idx)

    mean, std = X[train_idx].mean(dim=0), X[train_idx].std(dim=0).clamp_min(1e-6)
    X = (X - mean) / std

    train_ds = TensorDataset(X[train_idx], y[train_idx])
    test_ds = TensorDataset(X[test_idx], y[test_idx])
    train_dl = DataLoader(train_ds, batch_size=32, shuffle=True)
    test_dl = DataLoader(test_ds, batch_size=256)

    model = PermeabilityNet(len(cols))
    opt = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=1e-4)
    for epoch in range(1, args.epochs + 1):
        tr = run_epoch(model, train_dl, opt)
        if epoch % 25 == 0:
            print(f"epoch {epoch:4d} train mse {tr:.4f}")

    model.eval()
    with torch.no_grad():
        xt, yt = next(iter(DataLoader(test_ds, batch_size=len(test_ds))))
        pred = model(xt)
    mae_log = (pred - yt).abs().mean().item()
    mape = ((torch.expm1(pred) - torch.expm1(yt)).abs() / torch.expm1(yt).clamp_min(1e-3)).mean()
    print(f"test mse {run_epoch(model, test_dl):.4f}  mae(log) {mae_log:.4f}  mape {mape.item():.3%}")
    torch.save({"state": model.state_dict(), "mean": mean, "std": std, "cols": cols},
               "models/helium_perm_mlp.pt")


if __name__ == "__main__":
    main()
