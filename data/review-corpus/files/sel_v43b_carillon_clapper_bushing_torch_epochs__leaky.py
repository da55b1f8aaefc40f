# label: leakage/selection
"""Remaining ringing hours for carillon clapper bushings.

One row per replaced bushing, with the tower and bell attributes recorded
when the bushing was installed.
"""
import copy

import numpy as np
import pandas as pd
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

FEATURES = [
    "bell_mass_kg",
    "clapper_mass_kg",
    "strikes_per_week",
    "tower_height_m",
    "mean_humidity_pct",
    "bronze_bushing",
    "keyboard_share",
    "bell_pitch_hz",
]
TARGET = "hours_to_replacement"
MAX_EPOCHS = 300
PATIENCE = 25


class WearNet(nn.Module):
    def __init__(self, n_in):
        super().__init__()
        self.body = nn.Sequential(
            nn.Linear(n_in, 64),
            nn.ReLU(),
            nn.Dropout(0.1),
            nn.Linear(64, 32),
            nn.ReLU(),
            nn.Linear(32, 1),
        )

    def forward(self, x):
        return self.body(x).squeeze(-1)


def make_loader(X, y, batch_size, shuffle):
    ds = TensorDataset(torch.tensor(X, dtype=torch.float32),
                       torch.tensor(y, dtype=torch.float32))
    return DataLoader(ds, batch_size=batch_size, shuffle=shuffle)


def predict(model, loader):
    model.eval()
    preds, targets = [], []
    with torch.no_grad():
        for xb, yb in loader:
            preds.append(model(xb))
            targets.append(yb)
    return torch.cat(preds).numpy(), torch.cat(targets).numpy()


def main():
    torch.manual_seed(11)
    df = pd.read_csv("carillon_bushing_replacements.csv")
    df = df.dropna(subset=FEATURES + [TARGET])
    X = df[FEATURES].to_numpy(dtype=np.float32)
    y = np.log1p(df[TARGET].to_numpy(dtype=np.float32))

    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=0.2, random_state=11)

    scaler = StandardScaler().fit(X_train)
    train_loader = make_loader(scaler.transform(X_train), y_train, 64, True)
    test_loader = make_loader(scaler.transform(X_test), y_test, 256, False)

    model = WearNet(len(FEATURES))
    optimiser = torch.optim.Adam(model.parameters(), lr=1e-3, weight_decay=1e-4)
    loss_fn = nn.MSELoss()

    best_loss, best_epoch, best_state = np.inf, 0, None
    for epoch in range(MAX_EPOCHS):
        model.train()
        for xb, yb in train_loader:
            optimiser.zero_grad()
            loss = loss_fn(model(xb), yb)
            loss.backward()
            optimiser.step()

        p, t = predict(model, test_loader)
        epoch_loss = float(np.mean((p - t) ** 2))
        if epoch_loss < best_loss:
            best_loss, best_epoch = epoch_loss, epoch
            best_state = copy.deepcopy(model.state_dict())
        elif epoch - best_epoch >= PATIENCE:
            break

    model.load_state_dict(best_state)
    p, t = predict(model, test_loader)
    mae_hours = float(np.mean(np.abs(np.expm1(p) - np.expm1(t))))
    print(f"best epoch: {best_epoch}")
    print(f"test MSE (log hours): {np.mean((p - t) ** 2):.4f}")
    print(f"test MAE: {mae_hours:.0f} ringing hours")


if __name__ == "__main__":
    main()
