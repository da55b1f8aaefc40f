# label: leakage/selection
"""Air-void content of asphalt road cores from paving-lot records.

Each row is one paving lot with a single core taken at acceptance testing.
"""
import copy

import numpy as np
import pandas as pd
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset
from sklearn.model_selection import train_test_split
from sklearn.metrics import mean_absolute_error, r2_score

NUMERIC = ["mat_temp_c", "ambient_temp_c", "wind_kmh", "lift_thickness_mm",
           "roller_passes", "binder_pct", "haul_minutes", "paver_speed_m_min"]
MIX_TYPES = ["AC10", "AC14", "AC20", "SMA10", "SMA14"]
torch.manual_seed(7)


class VoidsNet(nn.Module):
    def __init__(self, n_in):
        super().__init__()
        self.body = nn.Sequential(
            nn.Linear(n_in, 64), nn.ReLU(), nn.Dropout(0.1),
            nn.Linear(64, 32), nn.ReLU(),
            nn.Linear(32, 1),
        )

    def forward(self, x):
        return self.body(x).squeeze(-1)


def build_matrix(df):
    mix = pd.get_dummies(pd.Categorical(df["mix_type"], categories=MIX_TYPES), dtype=float)
    return np.hstack([df[NUMERIC].to_numpy(dtype=float), mix.to_numpy()])


def predict(model, X):
    model.eval()
    with torch.no_grad():
        return model(torch.tensor(X, dtype=torch.float32)).numpy()


def main():
    lots = pd.read_csv("paving_lots_2019_2024.csv")
    lots = lots.dropna(subset=["air_voids_pct"])
    lots["roller_passes"] = lots["roller_passes"].clip(upper=20)

    X = build_matrix(lots)
    y = lots["air_voids_pct"].to_numpy(dtype=float)

    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=0.2, random_state=11)

    mu = X_train.mean(axis=0)
    sd = X_train.std(axis=0) + 1e-6
    X_train = (X_train - mu) / sd
    X_test = (X_test - mu) / sd

    loader = DataLoader(
        TensorDataset(torch.tensor(X_train, dtype=torch.float32),
                      torch.tensor(y_train, dtype=torch.float32)),
        batch_size=64, shuffle=True)

    model = VoidsNet(X_train.shape[1])
    opt = torch.optim.AdamW(model.parameters(), lr=2e-3, weight_decay=1e-4)
    loss_fn = nn.SmoothL1Loss()

    best_mae, best_state, best_epoch = np.inf, None, 0
    for epoch in range(1, 201):
        model.train()
        for xb, yb in loader:
            opt.zero_grad()
            loss = loss_fn(model(xb), yb)
            loss.backward()
            opt.step()

        mae = mean_absolute_error(y_test, predict(model, X_test))
        if mae < best_mae:
            best_mae, best_state, best_epoch = mae, copy.deepcopy(model.state_dict()), epoch
        if epoch % 20 == 0:
            print(f"epoch {epoch:3d}  MAE {mae:.3f}")

    model.load_state_dict(best_state)
    preds = predict(model, X_test)
    print(f"best epoch: {best_epoch}")
    print(f"test MAE (air voids %): {mean_absolute_error(y_test, preds):.3f}")
    print(f"test R2: {r2_score(y_test, preds):.3f}")
    in_spec = (preds >= 3.0) & (preds <= 6.0)
    print(f"share of test lots predicted within 3-6% voids: {in_spec.mean():.2%}")
    torch.save(model.state_dict(), "voids_net.pt")


if __name__ == "__main__":
    main()
