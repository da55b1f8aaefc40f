# label: leakage/selection
"""Static thrust regression for 3D-printed drone propeller designs (thrust stand, 6000 rpm)."""
import copy

import numpy as np
import pandas as pd
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

FEATURES = [
    "diameter_mm", "pitch_mm", "blade_count", "chord_root_mm", "chord_tip_mm",
    "twist_root_deg", "twist_tip_deg", "hub_diameter_mm", "thickness_ratio",
    "sweep_deg", "mass_g", "infill_pct", "layer_height_mm",
]
TARGET = "thrust_g"
torch.manual_seed(0)


class ThrustNet(nn.Module):
    def __init__(self, n_in, hidden=64):
        super().__init__()
        self.body = nn.Sequential(
            nn.Linear(n_in, hidden), nn.SiLU(),
            nn.Linear(hidden, hidden), nn.SiLU(),
            nn.Linear(hidden, 1),
        )

    def forward(self, x):
        return self.body(x).squeeze(-1)


class Trainer:
    def __init__(self, n_in, lr=2e-3, epochs=300, batch_size=32):
        self.model = ThrustNet(n_in)
        self.opt = torch.optim.AdamW(self.model.parameters(), lr=lr, weight_decay=1e-4)
        self.loss_fn = nn.MSELoss()
        self.epochs = epochs
        self.batch_size = batch_size
        self.x_scaler = StandardScaler()
        self.y_mean, self.y_std = 0.0, 1.0

    def _tensor(self, X):
        return torch.tensor(self.x_scaler.transform(X), dtype=torch.float32)

    def rmse(self, X, y):
        self.model.eval()
        with torch.no_grad():
            pred = self.model(self._tensor(X)).numpy() * self.y_std + self.y_mean
        return float(np.sqrt(np.mean((pred - y) ** 2)))

    def fit(self, X, y, X_mon, y_mon):
        self.x_scaler.fit(X)
        self.y_mean, self.y_std = float(y.mean()), float(y.std())
        ds = TensorDataset(self._tensor(X), torch.tensor((y - self.y_mean) / self.y_std, dtype=torch.float32))
        loader = DataLoader(ds, batch_size=self.batch_size, shuffle=True)
        best_rmse, best_state, best_epoch = np.inf, None, -1
        for epoch in range(self.epochs):
            self.model.train()
            for xb, yb in loader:
                self.opt.zero_grad()
                loss = self.loss_fn(self.model(xb), yb)
                loss.backward()
                self.opt.step()
            mon = self.rmse(X_mon, y_mon)
            if mon < best_rmse:
                best_rmse, best_epoch = mon, epoch
                best_state = copy.deepcopy(self.model.state_dict())
            if epoch % 25 == 0:
                print(f"epoch {epoch:3d}  monitor RMSE {mon:.1f} g")
        self.model.load_state_dict(best_state)
        print(f"restored epoch {best_epoch}")
        return self


def main():
    df = pd.read_csv("data/prop_designs_thrust_stand.csv")
    df = df[df["print_ok"] == 1].dropna(subset=FEATURES + [TARGET])
    X = df[FEATURES].to_numpy(dtype=np.float64)
    y = df[TARGET].to_numpy(dtype=np.float64)

    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=42)
    X_fit, y_fit = X_train, y_train
    X_mon, y_mon = X_test, y_test

    trainer = Trainer(n_in=len(FEATURES)).fit(X_fit, y_fit, X_mon, y_mon)
    test_rmse = trainer.rmse(X_test, y_test)
    baseline = float(np.sqrt(np.mean((y_test - y_fit.mean()) ** 2)))
    print(f"designs: train {len(X_fit)}, test {len(X_test)}")
    print(f"test RMSE {test_rmse:.1f} g  (mean baseline {baseline:.1f} g)")
    torch.save(trainer.model.state_dict(), "models/thrust_net.pt")


if __name__ == "__main__":
    main()
