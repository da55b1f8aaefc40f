# label: leakage/none
"""Predict the drag coefficient of wind-tunnel scale models from geometry and flow settings."""
import numpy as np
import pandas as pd
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset
from sklearn.metrics import mean_absolute_error
from sklearn.model_selection import GroupShuffleSplit
from sklearn.preprocessing import StandardScaler

FEATURES = ["aspect_ratio", "frontal_area_cm2", "fillet_radius_mm", "yaw_deg",
            "reynolds_e5", "roughness_um", "boat_tail_deg", "ground_gap_mm"]

runs = pd.read_csv("tunnel_runs.csv")
runs = runs[runs["balance_ok"] == 1].copy()
runs["reynolds_e5"] = runs["reynolds"] / 1e5
runs["frontal_area_cm2"] = runs["frontal_area_mm2"] / 100.0
runs = runs.dropna(subset=FEATURES + ["cd"])
runs = runs[(runs["cd"] > 0.05) & (runs["cd"] < 2.0)].reset_index(drop=True)
print(f"{len(runs)} runs on {runs['model_id'].nunique()} scale models")


def split_by_model(frame, test_size, seed):
    gss = GroupShuffleSplit(n_splits=1, test_size=test_size, random_state=seed)
    a, b = next(gss.split(frame, groups=frame["model_id"]))
    return frame.iloc[a], frame.iloc[b]


def to_tensors(frame, scaler):
    x = torch.tensor(scaler.transform(frame[FEATURES]), dtype=torch.float32)
    y = torch.tensor(frame["cd"].to_numpy(), dtype=torch.float32).unsqueeze(1)
    return x, y


LOSSES = {
    "mse": nn.MSELoss(),
    "huber": nn.HuberLoss(delta=0.05),
    "l1": nn.L1Loss(),
}


def train_net(x, y, loss_fn, epochs=300):
    torch.manual_seed(3)
    net = nn.Sequential(
        nn.Linear(x.shape[1], 64), nn.ReLU(),
        nn.Linear(64, 32), nn.ReLU(),
        nn.Linear(32, 1),
    )
    opt = torch.optim.Adam(net.parameters(), lr=3e-3, weight_decay=1e-4)
    loader = DataLoader(TensorDataset(x, y), batch_size=64, shuffle=True)
    for _ in range(epochs):
        net.train()
        for xb, yb in loader:
            opt.zero_grad()
            loss = loss_fn(net(xb), yb)
            loss.backward()
            opt.step()
    return net


def predict(net, x):
    net.eval()
    with torch.no_grad():
        return net(x).squeeze(1).numpy()


train_df, test_df = split_by_model(runs, 0.2, 5)
fit_df, val_df = split_by_model(train_df, 0.2, 6)
sel_scaler = StandardScaler().fit(fit_df[FEATURES])
x_fit, y_fit = to_tensors(fit_df, sel_scaler)
x_val, _ = to_tensors(val_df, sel_scaler)

scores = {}
for name, loss_fn in LOSSES.items():
    net = train_net(x_fit, y_fit, loss_fn)
    scores[name] = mean_absolute_error(val_df["cd"], predict(net, x_val))
    print(f"{name:>6}: MAE {scores[name]:.5f}")

best = min(scores, key=scores.get)
scaler = StandardScaler().fit(train_df[FEATURES])
x_tr, y_tr = to_tensors(train_df, scaler)
x_te, _ = to_tensors(test_df, scaler)
final_net = train_net(x_tr, y_tr, LOSSES[best])
test_mae = mean_absolute_error(test_df["cd"], predict(final_net, x_te))
baseline = mean_absolute_error(test_df["cd"], np.full(len(test_df), train_df["cd"].median()))
print(f"selected loss: {best}")
print(f"Cd MAE on held-out scale models: {test_mae:.5f} (median baseline {baseline:.5f})")
