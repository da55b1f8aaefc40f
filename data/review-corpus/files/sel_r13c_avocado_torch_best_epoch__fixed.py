# label: leakage/none
# twin: sel_r13c_avocado_torch_best_epoch__leaky.py
# source: hand-written for ai-ci, tuning part of round 13 (Apache-2.0)
import numpy as np
import pandas as pd
import torch
from torch import nn
from sklearn.preprocessing import StandardScaler

df = pd.read_csv("avocado.csv", parse_dates=["Date"])
df = df.sort_values(["region", "type", "Date"])
df["is_organic"] = (df["type"] == "organic").astype(float)
df["month"] = df["Date"].dt.month
g = df.groupby(["region", "type"])
df["price_lag1"] = g["AveragePrice"].shift(1)
df["price_lag4"] = g["AveragePrice"].shift(4)
df["log_volume_lag1"] = np.log1p(g["Total Volume"].shift(1))
df = df.dropna(subset=["price_lag1", "price_lag4", "log_volume_lag1"])
features = ["price_lag1", "price_lag4", "log_volume_lag1", "is_organic", "month"]

train = df[df["Date"] < "2017-01-01"]
val = df[(df["Date"] >= "2017-01-01") & (df["Date"] < "2017-07-01")]
test = df[df["Date"] >= "2017-07-01"]
scaler = StandardScaler().fit(train[features])


def to_tensors(frame):
    x = torch.tensor(scaler.transform(frame[features]), dtype=torch.float32)
    t = torch.tensor(frame["AveragePrice"].values, dtype=torch.float32).unsqueeze(1)
    return x, t


X_tr, y_tr = to_tensors(train)
X_va, y_va = to_tensors(val)
X_te, y_te = to_tensors(test)

model = nn.Sequential(nn.Linear(len(features), 64), nn.ReLU(), nn.Linear(64, 1))
opt = torch.optim.Adam(model.parameters(), lr=1e-3)
loss_fn = nn.MSELoss()
best_loss = float("inf")

for epoch in range(200):
    model.train()
    perm = torch.randperm(len(X_tr))
    for i in range(0, len(perm), 256):
        idx = perm[i:i + 256]
        opt.zero_grad()
        loss = loss_fn(model(X_tr[idx]), y_tr[idx])
        loss.backward()
        opt.step()
    model.eval()
    with torch.no_grad():
        val_loss = loss_fn(model(X_va), y_va).item()
    if val_loss < best_loss:
        best_loss = val_loss
        torch.save(model.state_dict(), "best_avocado.pt")

model.load_state_dict(torch.load("best_avocado.pt"))
model.eval()
with torch.no_grad():
    rmse = torch.sqrt(loss_fn(model(X_te), y_te)).item()
print(f"test RMSE: ${rmse:.3f}")
