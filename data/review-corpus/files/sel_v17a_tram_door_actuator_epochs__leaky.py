# label: leakage/selection
# twin: sel_v17a_tram_door_actuator_epochs__fixed.py
# source: hand-written for ai-ci held-out v17 (Apache-2.0)
"""Classify tram door actuators that fail before their next scheduled service.

One row per actuator unit, summarising the current-draw traces logged at its last depot visit.
"""
import copy

import numpy as np
import pandas as pd
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset
from sklearn.metrics import roc_auc_score, average_precision_score

torch.manual_seed(0)
rng = np.random.default_rng(0)

FEATURES = ["peak_current_a", "mean_current_a", "close_time_ms", "open_time_ms",
            "obstruction_events", "cycles_since_service", "motor_temp_c",
            "ambient_temp_c", "rail_vibration_rms", "door_width_mm"]
CFG = {"epochs": 40, "batch": 128, "lr": 1e-3, "hidden": 64, "dropout": 0.2}

units = pd.read_parquet("data/door_actuators.parquet")
units = units.dropna(subset=["failed_before_service"])
units[FEATURES] = units[FEATURES].fillna(0.0)
X = units[FEATURES].to_numpy(dtype=np.float32)
y = units["failed_before_service"].to_numpy(dtype=np.float32)

order = rng.permutation(len(units))
n_test = int(0.2 * len(order))
test_idx, train_idx = order[:n_test], order[n_test:]

mu = X[train_idx].mean(axis=0)
sd = X[train_idx].std(axis=0) + 1e-6
Xs = (X - mu) / sd


def loader(idx, shuffle):
    ds = TensorDataset(torch.from_numpy(Xs[idx]), torch.from_numpy(y[idx]))
    return DataLoader(ds, batch_size=CFG["batch"], shuffle=shuffle)


train_loader = loader(train_idx, True)
test_loader = loader(test_idx, False)

net = nn.Sequential(
    nn.Linear(len(FEATURES), CFG["hidden"]), nn.ReLU(), nn.Dropout(CFG["dropout"]),
    nn.Linear(CFG["hidden"], CFG["hidden"] // 2), nn.ReLU(),
    nn.Linear(CFG["hidden"] // 2, 1),
)
pos_weight = torch.tensor((1 - y[train_idx].mean()) / y[train_idx].mean())
loss_fn = nn.BCEWithLogitsLoss(pos_weight=pos_weight)
opt = torch.optim.Adam(net.parameters(), lr=CFG["lr"])


@torch.no_grad()
def predict(dl):
    net.eval()
    probs, labels = [], []
    for xb, yb in dl:
        probs.append(torch.sigmoid(net(xb).squeeze(1)))
        labels.append(yb)
    return torch.cat(probs).numpy(), torch.cat(labels).numpy()


best_auc, best_state, best_epoch = -1.0, None, -1
for epoch in range(CFG["epochs"]):
    net.train()
    running = 0.0
    for xb, yb in train_loader:
        opt.zero_grad()
        loss = loss_fn(net(xb).squeeze(1), yb)
        loss.backward()
        opt.step()
        running += loss.item() * len(xb)
    p, t = predict(test_loader)
    auc = roc_auc_score(t, p)
    if auc > best_auc:
        best_auc, best_state, best_epoch = auc, copy.deepcopy(net.state_dict()), epoch
    print(f"epoch {epoch:02d} loss={running / len(train_idx):.4f} auc={auc:.4f}")

net.load_state_dict(best_state)
p, t = predict(test_loader)
print(f"kept epoch {best_epoch}")
print(f"test ROC AUC: {roc_auc_score(t, p):.4f}")
print(f"test PR AUC:  {average_precision_score(t, p):.4f}")
