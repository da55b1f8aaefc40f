# label: leakage/none
"""Predict seat occupancy of film-festival screenings from programme and presale data with a PyTorch MLP."""
import numpy as np
import pandas as pd
import torch
from torch import nn
from sklearn.preprocessing import OneHotEncoder, StandardScaler

screenings = pd.read_csv("festival_screenings.csv", parse_dates=["starts_at"])
films = pd.read_csv("festival_films.csv")

df = screenings.merge(films, on="film_id", how="left")
df = df[df["status"] == "screened"].copy()
df["occupancy"] = (df["admitted"] / df["capacity"]).clip(0, 1)
df["hour"] = df["starts_at"].dt.hour + df["starts_at"].dt.minute / 60
df["weekend"] = (df["starts_at"].dt.dayofweek >= 5).astype(int)
df["presale_share"] = df["presold_7d"] / df["capacity"]
df["log_runtime"] = np.log(df["runtime_min"])
df["director_prior_films"] = df["director_prior_films"].fillna(0)

numeric = [
    "hour", "weekend", "presale_share", "log_runtime", "capacity", "ticket_price",
    "director_prior_films", "day_of_festival",
]
categorical = ["section", "premiere_status", "venue_id", "country_group"]

train = df[df["edition"] < 2023]
test = df[df["edition"] == 2023]
print(len(train), "train screenings,", len(test), "test screenings")

scaler = StandardScaler().fit(train[numeric])
encoder = OneHotEncoder(handle_unknown="ignore", sparse_output=False).fit(train[categorical])


def to_tensor(frame):
    x = np.hstack([scaler.transform(frame[numeric]), encoder.transform(frame[categorical])])
    return torch.tensor(x, dtype=torch.float32)


X_tr, X_te = to_tensor(train), to_tensor(test)
y_tr = torch.tensor(train["occupancy"].to_numpy(), dtype=torch.float32).unsqueeze(1)

torch.manual_seed(0)
net = nn.Sequential(
    nn.Linear(X_tr.shape[1], 64), nn.ReLU(), nn.Dropout(0.2),
    nn.Linear(64, 32), nn.ReLU(),
    nn.Linear(32, 1), nn.Sigmoid(),
)
opt = torch.optim.Adam(net.parameters(), lr=2e-3, weight_decay=1e-4)
loss_fn = nn.MSELoss()

for epoch in range(150):
    net.train()
    perm = torch.randperm(len(X_tr))
    running = 0.0
    for i in range(0, len(perm), 64):
        idx = perm[i:i + 64]
        opt.zero_grad()
        loss = loss_fn(net(X_tr[idx]), y_tr[idx])
        loss.backward()
        opt.step()
        running += loss.item() * len(idx)
    if epoch % 25 == 0:
        print(f"epoch {epoch:3d}  train mse {running / len(X_tr):.5f}")

net.eval()
with torch.no_grad():
    pred = net(X_te).squeeze(1).numpy()
actual = test["occupancy"].to_numpy()
print("test MAE (occupancy):", round(float(np.mean(np.abs(pred - actual))), 4))
sold_out = actual >= 0.95
flagged = pred >= 0.95
print("sell-out recall:", round(float((flagged & sold_out).sum() / max(sold_out.sum(), 1)), 3))
print("sell-out precision:", round(float((flagged & sold_out).sum() / max(flagged.sum(), 1)), 3))
by_section = pd.DataFrame({"section": test["section"], "err": np.abs(pred - actual)})
print(by_section.groupby("section")["err"].mean().round(3))
