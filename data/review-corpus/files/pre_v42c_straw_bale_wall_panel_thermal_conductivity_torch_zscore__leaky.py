# label: leakage/preprocessing
"""Straw bale wall panels: thermal conductivity from build parameters.

Hot-box results for rendered straw bale panels tested at the building lab.
Target is the measured conductivity in mW/(m K).
"""
import numpy as np
import pandas as pd
import torch
from torch import nn
from torch.utils.data import DataLoader, Dataset

FEATURES = [
    "bale_density_kg_m3", "moisture_content_pct", "panel_thickness_mm",
    "render_inside_mm", "render_outside_mm", "mean_test_temp_c", "delta_t_k",
    "fibre_length_mm", "on_edge", "lime_render", "clay_render", "wheat_straw",
    "rice_straw", "barley_straw",
]
TARGET = "lambda_mw_mk"


class PanelDataset(Dataset):
    def __init__(self, X, y):
        self.X = torch.as_tensor(X, dtype=torch.float32)
        self.y = torch.as_tensor(y, dtype=torch.float32).unsqueeze(1)

    def __len__(self):
        return len(self.X)

    def __getitem__(self, i):
        return self.X[i], self.y[i]


class ConductivityNet(nn.Module):
    def __init__(self, n_in, hidden=48):
        super().__init__()
        self.body = nn.Sequential(
            nn.Linear(n_in, hidden), nn.SiLU(), nn.Dropout(0.1),
            nn.Linear(hidden, hidden), nn.SiLU(),
            nn.Linear(hidden, 1),
        )

    def forward(self, x):
        return self.body(x)


def load_panels(path="lab/hotbox_results.csv"):
    df = pd.read_csv(path)
    df = df[df["test_valid"] == 1].dropna(subset=[TARGET])
    for straw in ("wheat", "rice", "barley"):
        df[f"{straw}_straw"] = (df["straw_type"] == straw).astype(float)
    df["on_edge"] = (df["bale_orientation"] == "edge").astype(float)
    df["lime_render"] = (df["render_type"] == "lime").astype(float)
    df["clay_render"] = (df["render_type"] == "clay").astype(float)
    return df


def run_epoch(model, loader, loss_fn, optimiser=None):
    model.train(optimiser is not None)
    total = 0.0
    for xb, yb in loader:
        with torch.set_grad_enabled(optimiser is not None):
            loss = loss_fn(model(xb), yb)
        if optimiser is not None:
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
        total += loss.item() * len(xb)
    return total / len(loader.dataset)


def main():
    torch.manual_seed(0)
    panels = load_panels()
    X = panels[FEATURES].to_numpy(np.float32)
    y = panels[TARGET].to_numpy(np.float32)

    perm = np.random.default_rng(0).permutation(len(X))
    n_test = int(0.2 * len(X))
    test_idx, train_idx = perm[:n_test], perm[n_test:]

    mu, sigma = X.mean(axis=0), X.std(axis=0) + 1e-6
    X_std = (X - mu) / sigma

    train_loader = DataLoader(PanelDataset(X_std[train_idx], y[train_idx]), batch_size=32, shuffle=True)
    test_loader = DataLoader(PanelDataset(X_std[test_idx], y[test_idx]), batch_size=256)

    model = ConductivityNet(len(FEATURES))
    optimiser = torch.optim.AdamW(model.parameters(), lr=3e-3, weight_decay=1e-3)
    loss_fn = nn.MSELoss()
    for epoch in range(1, 301):
        train_mse = run_epoch(model, train_loader, loss_fn, optimiser)
        if epoch % 50 == 0:
            print(f"epoch {epoch:3d}  train RMSE {train_mse ** 0.5:.2f}")

    model.eval()
    with torch.no_grad():
        pred = model(torch.as_tensor(X_std[test_idx])).squeeze(1).numpy()
    err = pred - y[test_idx]
    print(f"test RMSE: {np.sqrt(np.mean(err ** 2)):.2f} mW/(m K)")
    print(f"test MAE:  {np.mean(np.abs(err)):.2f} mW/(m K)")
    print(f"within 5 mW/(m K): {np.mean(np.abs(err) <= 5):.1%}")


if __name__ == "__main__":
    main()
