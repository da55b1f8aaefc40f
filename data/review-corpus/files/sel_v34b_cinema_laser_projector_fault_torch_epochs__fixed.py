# label: leakage/none
"""Laser module failure model for the cinema projector fleet.

One row per projector: telemetry summarised over the last service interval,
label = laser module failure logged within the following 12 months.
"""
import copy

import numpy as np
import pandas as pd
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

SEED = 7
MAX_EPOCHS = 80

NUMERIC = [
    "hours_since_service", "mean_laser_power_pct", "max_laser_power_pct",
    "mean_chassis_temp_c", "p95_chassis_temp_c", "fan_rpm_std",
    "filter_pressure_drop_pa", "dust_index", "shows_per_day", "screen_width_m",
]


class FaultNet(nn.Module):
    def __init__(self, n_in):
        super().__init__()
        self.body = nn.Sequential(
            nn.Linear(n_in, 64), nn.ReLU(), nn.Dropout(0.2),
            nn.Linear(64, 32), nn.ReLU(),
            nn.Linear(32, 1),
        )

    def forward(self, x):
        return self.body(x).squeeze(-1)


def to_tensor(a):
    return torch.tensor(a, dtype=torch.float32)


def auc_of(model, X, y):
    model.eval()
    with torch.no_grad():
        p = torch.sigmoid(model(X)).numpy()
    return roc_auc_score(y, p)


def load_fleet(path):
    df = pd.read_csv(path)
    df["is_large_format"] = (df["screen_format"] == "PLF").astype(float)
    df["power_headroom"] = df["max_laser_power_pct"] - df["mean_laser_power_pct"]
    df["temp_spread"] = df["p95_chassis_temp_c"] - df["mean_chassis_temp_c"]
    return df


def main():
    torch.manual_seed(SEED)
    np.random.seed(SEED)

    df = load_fleet("projector_fleet_2023.csv")
    features = NUMERIC + ["is_large_format", "power_headroom", "temp_spread"]
    X = df[features].to_numpy(dtype=np.float32)
    y = df["module_failure_12m"].to_numpy(dtype=np.float32)

    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=0.2, stratify=y, random_state=SEED
    )
    X_train, X_val, y_train, y_val = train_test_split(
        X_train, y_train, test_size=0.2, stratify=y_train, random_state=SEED
    )

    scaler = StandardScaler().fit(X_train)
    Xtr = to_tensor(scaler.transform(X_train))
    Xva = to_tensor(scaler.transform(X_val))
    Xte = to_tensor(scaler.transform(X_test))
    ytr = to_tensor(y_train)

    model = FaultNet(Xtr.shape[1])
    pos_weight = torch.tensor((1 - y_train.mean()) / y_train.mean())
    loss_fn = nn.BCEWithLogitsLoss(pos_weight=pos_weight)
    opt = torch.optim.AdamW(model.parameters(), lr=1e-3, weight_decay=1e-4)
    loader = DataLoader(TensorDataset(Xtr, ytr), batch_size=64, shuffle=True)

    best_auc, best_epoch, best_state = 0.0, 0, None
    for epoch in range(1, MAX_EPOCHS + 1):
        model.train()
        for xb, yb in loader:
            opt.zero_grad()
            loss = loss_fn(model(xb), yb)
            loss.backward()
            opt.step()
        epoch_auc = auc_of(model, Xva, y_val)
        if epoch_auc > best_auc:
            best_auc, best_epoch = epoch_auc, epoch
            best_state = copy.deepcopy(model.state_dict())

    model.load_state_dict(best_state)
    print(f"best epoch: {best_epoch} (val ROC AUC {best_auc:.3f})")
    print(f"test ROC AUC: {auc_of(model, Xte, y_test):.3f}")
    torch.save(model.state_dict(), "projector_fault_mlp.pt")


if __name__ == "__main__":
    main()
