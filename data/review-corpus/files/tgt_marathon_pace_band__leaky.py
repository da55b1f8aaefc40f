# label: leaky target
# source: hand-written for ai-ci, held-out v9 (Apache-2.0)
import numpy as np
import pandas as pd
import torch
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler
from torch import nn

runners = pd.read_csv("data/marathon_entrants_results.csv")

runners["is_female"] = (runners["sex"] == "F").astype(float)
runners["log_weekly_km"] = np.log1p(runners["avg_weekly_km_12w"])
runners["pace_band"] = pd.qcut(runners["finish_minutes"], q=6, labels=False)

feature_cols = [
    "age", "is_female", "bmi", "log_weekly_km", "longest_run_km_12w",
    "half_marathon_pb_min", "prior_marathons", "pace_band",
]
runners = runners.dropna(subset=feature_cols + ["finish_minutes"])

X = runners[feature_cols].to_numpy(dtype=np.float32)
y = runners["finish_minutes"].to_numpy(dtype=np.float32)
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=42)

scaler = StandardScaler().fit(X_train)
X_train_t = torch.tensor(scaler.transform(X_train), dtype=torch.float32)
X_test_t = torch.tensor(scaler.transform(X_test), dtype=torch.float32)
y_mu, y_sd = y_train.mean(), y_train.std()
y_train_t = torch.tensor((y_train - y_mu) / y_sd).unsqueeze(1)

torch.manual_seed(42)
net = nn.Sequential(
    nn.Linear(X_train_t.shape[1], 64), nn.ReLU(),
    nn.Linear(64, 32), nn.ReLU(),
    nn.Linear(32, 1),
)
optimizer = torch.optim.AdamW(net.parameters(), lr=3e-3, weight_decay=1e-4)
loss_fn = nn.HuberLoss()

for epoch in range(600):
    net.train()
    optimizer.zero_grad()
    loss = loss_fn(net(X_train_t), y_train_t)
    loss.backward()
    optimizer.step()
    if epoch % 100 == 0:
        print(f"epoch {epoch:3d} loss {loss.item():.4f}")

net.eval()
with torch.no_grad():
    pred = net(X_test_t).squeeze(1).numpy() * y_sd + y_mu
print(f"test MAE: {np.abs(pred - y_test).mean():.1f} minutes")
