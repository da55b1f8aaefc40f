# label: leakage/preprocessing
"""Predict level crossing barrier faults in the next 7 days from daily mechanism telemetry with an MLP."""
import numpy as np
import pandas as pd
import torch
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.preprocessing import StandardScaler
from torch import nn

torch.manual_seed(4)

daily = pd.read_parquet("barrier_daily_telemetry.parquet")
assets = pd.read_csv("crossing_assets.csv")
df = daily.merge(assets, on="crossing_id", how="left").sort_values(["crossing_id", "date"])

df["lower_time_spread"] = df["lower_time_p95_s"] - df["lower_time_p50_s"]
df["amps_vs_30d"] = df["motor_amps_max"] / df.groupby("crossing_id")["motor_amps_max"].transform(
    lambda s: s.shift(1).rolling(30, min_periods=7).median()
)
df["cycles_log"] = np.log1p(df["cycles"])
df["frost_day"] = (df["temp_min_c"] < 0).astype(float)
df["road_class_a"] = (df["road_class"] == "A").astype(float)
df = df.dropna(subset=["amps_vs_30d"]).reset_index(drop=True)

features = [
    "lower_time_p50_s", "lower_time_spread", "raise_time_p50_s", "motor_amps_max", "amps_vs_30d",
    "cycles_log", "obstruction_resets", "temp_min_c", "frost_day", "rain_mm", "days_since_service",
    "gearbox_age_years", "road_class_a",
]
target = "fault_next_7d"

scaler = StandardScaler()
df[features] = scaler.fit_transform(df[features])

cutoff = pd.Timestamp("2024-01-01")
train = df[df["date"] < cutoff - pd.Timedelta(days=7)]
test = df[df["date"] >= cutoff]

X_train = torch.tensor(train[features].to_numpy(), dtype=torch.float32)
y_train = torch.tensor(train[target].to_numpy(), dtype=torch.float32).unsqueeze(1)
X_test = torch.tensor(test[features].to_numpy(), dtype=torch.float32)
y_test = test[target].to_numpy()

model = nn.Sequential(
    nn.Linear(len(features), 64), nn.ReLU(), nn.Dropout(0.2),
    nn.Linear(64, 32), nn.ReLU(),
    nn.Linear(32, 1),
)
pos_weight = torch.tensor([(1 - y_train.mean()) / y_train.mean()])
loss_fn = nn.BCEWithLogitsLoss(pos_weight=pos_weight)
optimiser = torch.optim.Adam(model.parameters(), lr=1e-3, weight_decay=1e-5)

for epoch in range(30):
    model.train()
    perm = torch.randperm(len(X_train))
    total = 0.0
    for start in range(0, len(perm), 256):
        batch = perm[start:start + 256]
        optimiser.zero_grad()
        loss = loss_fn(model(X_train[batch]), y_train[batch])
        loss.backward()
        optimiser.step()
        total += loss.item() * len(batch)
    if (epoch + 1) % 10 == 0:
        print(f"epoch {epoch + 1}  loss {total / len(X_train):.4f}")

model.eval()
with torch.no_grad():
    scores = torch.sigmoid(model(X_test)).squeeze(1).numpy()

print(f"test crossing-days: {len(test)}, fault rate {y_test.mean():.2%}")
print(f"ROC AUC: {roc_auc_score(y_test, scores):.3f}")
print(f"average precision: {average_precision_score(y_test, scores):.3f}")
top = scores >= np.quantile(scores, 0.98)
print(f"faults caught in top 2% of alerts: {y_test[top].sum()} / {y_test.sum()}")
