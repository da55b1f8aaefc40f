# label: leakage/none
"""Radial crushing strength of sintered bronze bushings, one row per press-and-sinter lot."""
import numpy as np
import pandas as pd
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

FEATURES = [
    "tin_pct", "graphite_pct", "lubricant_pct", "powder_d50_um", "compaction_mpa",
    "green_density_g_cm3", "sinter_temp_c", "sinter_minutes", "dew_point_c",
    "belt_speed_mm_min", "wall_thickness_mm", "oil_impregnated",
]
TARGET = "crush_strength_mpa"
WEIGHT_DECAYS = [0.0, 1e-4, 1e-3, 1e-2, 1e-1]


class CrushNet(nn.Module):
    def __init__(self, n_in, hidden=64):
        super().__init__()
        self.body = nn.Sequential(
            nn.Linear(n_in, hidden), nn.ReLU(),
            nn.Linear(hidden, hidden), nn.ReLU(),
            nn.Linear(hidden, 1),
        )

    def forward(self, x):
        return self.body(x).squeeze(-1)


class BushingRegressor:
    def __init__(self, weight_decay, epochs=150, lr=1e-3, batch_size=64, seed=0):
        self.weight_decay = weight_decay
        self.epochs = epochs
        self.lr = lr
        self.batch_size = batch_size
        self.seed = seed
        self.model = None

    def fit(self, X, y):
        torch.manual_seed(self.seed)
        self.model = CrushNet(X.shape[1])
        opt = torch.optim.AdamW(self.model.parameters(), lr=self.lr,
                                weight_decay=self.weight_decay)
        ds = TensorDataset(torch.tensor(X, dtype=torch.float32),
                           torch.tensor(y, dtype=torch.float32))
        loader = DataLoader(ds, batch_size=self.batch_size, shuffle=True)
        loss_fn = nn.MSELoss()
        for _ in range(self.epochs):
            self.model.train()
            for xb, yb in loader:
                opt.zero_grad()
                loss = loss_fn(self.model(xb), yb)
                loss.backward()
                opt.step()
        return self

    def predict(self, X):
        self.model.eval()
        with torch.no_grad():
            return self.model(torch.tensor(X, dtype=torch.float32)).numpy()


def rmse(y_true, y_pred):
    return float(np.sqrt(np.mean((y_true - y_pred) ** 2)))


def main():
    df = pd.read_csv("sinter_lots.csv").dropna(subset=FEATURES + [TARGET])
    X = df[FEATURES].to_numpy(dtype=np.float32)
    y = df[TARGET].to_numpy(dtype=np.float32)
    print(f"{len(df)} lots, mean crush strength {y.mean():.1f} MPa")

    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=0.2, random_state=11
    )
    X_fit, X_val, y_fit, y_val = train_test_split(
        X_train, y_train, test_size=0.2, random_state=11
    )
    val_scaler = StandardScaler().fit(X_fit)
    X_fit_s = val_scaler.transform(X_fit)
    X_val_s = val_scaler.transform(X_val)

    scores = {}
    for wd in WEIGHT_DECAYS:
        reg = BushingRegressor(weight_decay=wd).fit(X_fit_s, y_fit)
        scores[wd] = rmse(y_val, reg.predict(X_val_s))
        print(f"weight_decay={wd:g}  RMSE={scores[wd]:.2f} MPa")

    best_wd = min(scores, key=scores.get)
    print(f"selected weight_decay={best_wd:g}")

    scaler = StandardScaler().fit(X_train)
    final = BushingRegressor(weight_decay=best_wd).fit(scaler.transform(X_train), y_train)
    print(f"Test RMSE: {rmse(y_test, final.predict(scaler.transform(X_test))):.2f} MPa")


if __name__ == "__main__":
    main()
