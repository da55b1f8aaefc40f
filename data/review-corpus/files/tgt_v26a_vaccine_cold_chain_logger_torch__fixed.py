# label: leakage/none
"""Flag vaccine cold-chain shipments likely to have a temperature excursion in transit."""
import numpy as np
import pandas as pd
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset
from sklearn.metrics import roc_auc_score

PACKAGING = ["passive_box", "phase_change", "active_container", "dry_ice"]

shipments = pd.read_csv("coldchain_shipments.csv", parse_dates=["departed_at", "arrived_at"])
lanes = pd.read_csv("coldchain_lanes.csv")       # lane_id, distance_km, border_crossings, planned_hours
readings = pd.read_parquet("logger_readings.parquet")   # shipment_id, reading_at, temp_c
readings["reading_at"] = pd.to_datetime(readings["reading_at"])

# summarise the data logger while the shipment is pre-cooled at the depot
r = readings.merge(shipments[["shipment_id", "departed_at", "arrived_at"]], on="shipment_id", how="inner")
r = r[r["reading_at"] <= r["departed_at"]]
logger = (
    r.groupby("shipment_id")["temp_c"]
    .agg(logger_mean="mean", logger_max="max", logger_min="min", logger_std="std", logger_n="count")
    .reset_index()
)

df = shipments.merge(lanes, on="lane_id", how="left").merge(logger, on="shipment_id", how="left")
df["has_logger_data"] = df["logger_n"].notna().astype(float)
logger_cols = ["logger_mean", "logger_max", "logger_min", "logger_std", "logger_n"]
df[logger_cols] = df[logger_cols].fillna(0.0)
df["depart_hour"] = df["departed_at"].dt.hour
df["summer"] = df["departed_at"].dt.month.isin([6, 7, 8]).astype(float)
for p in PACKAGING:
    df[f"pack_{p}"] = (df["packaging"] == p).astype(float)
df["excursion"] = df["excursion_flag"].astype(float)

features = (["distance_km", "border_crossings", "planned_hours", "ambient_max_fc_c", "payload_kg",
             "precool_minutes", "depart_hour", "summer", "has_logger_data"]
            + logger_cols + [f"pack_{p}" for p in PACKAGING])
df = df.dropna(subset=features).sort_values("departed_at").reset_index(drop=True)
split = int(len(df) * 0.75)
train, test = df.iloc[:split], df.iloc[split:]

X_train = train[features].to_numpy(np.float32)
X_test = test[features].to_numpy(np.float32)
mu, sd = X_train.mean(axis=0), X_train.std(axis=0) + 1e-6
X_train, X_test = (X_train - mu) / sd, (X_test - mu) / sd
y_train = train["excursion"].to_numpy(np.float32)
y_test = test["excursion"].to_numpy(np.float32)

torch.manual_seed(0)
loader = DataLoader(TensorDataset(torch.from_numpy(X_train), torch.from_numpy(y_train)),
                    batch_size=256, shuffle=True)
net = nn.Sequential(nn.Linear(len(features), 64), nn.ReLU(), nn.Dropout(0.1),
                    nn.Linear(64, 32), nn.ReLU(), nn.Linear(32, 1))
pos_weight = torch.tensor([(1 - y_train.mean()) / max(y_train.mean(), 1e-3)])
loss_fn = nn.BCEWithLogitsLoss(pos_weight=pos_weight)
opt = torch.optim.Adam(net.parameters(), lr=1e-3, weight_decay=1e-4)

for epoch in range(40):
    net.train()
    total = 0.0
    for xb, yb in loader:
        opt.zero_grad()
        loss = loss_fn(net(xb).squeeze(1), yb)
        loss.backward()
        opt.step()
        total += loss.item() * len(xb)
    if epoch % 10 == 9:
        print(f"epoch {epoch + 1}: train loss {total / len(loader.dataset):.4f}")

net.eval()
with torch.no_grad():
    scores = torch.sigmoid(net(torch.from_numpy(X_test)).squeeze(1)).numpy()
top = scores >= np.quantile(scores, 0.9)
print(f"test ROC AUC: {roc_auc_score(y_test, scores):.3f}")
print(f"excursions caught in top 10% of flagged shipments: {y_test[top].sum() / y_test.sum():.3f}")
