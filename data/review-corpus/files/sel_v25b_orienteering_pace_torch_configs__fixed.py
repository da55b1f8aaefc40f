# label: leakage/none
"""Predict orienteering race minutes per km from course and runner history with a small PyTorch MLP."""
import numpy as np
import pandas as pd
import torch
from torch import nn
from sklearn.preprocessing import StandardScaler

torch.manual_seed(3)
results = pd.read_parquet("orienteering_results.parquet")
courses = pd.read_csv("course_specs.csv")
df = results.merge(courses, on=["event_id", "course_code"], how="inner")
df = df[(df["status"] == "OK") & (df["length_km"] > 0)].copy()

df["min_per_km"] = df["finish_seconds"] / 60.0 / df["length_km"]
df["climb_per_km"] = df["climb_m"] / df["length_km"]
df["controls_per_km"] = df["n_controls"] / df["length_km"]
df["age"] = df["event_date"].str[:4].astype(int) - df["birth_year"]
df["forest"] = (df["terrain"] == "forest").astype(float)
df["night"] = df["is_night"].astype(float)

features = ["climb_per_km", "controls_per_km", "length_km", "age", "forest", "night",
            "runner_prev_median_pace", "runner_prev_events", "map_scale_10k"]
df = df.dropna(subset=features)

seasons = sorted(df["season"].unique())
train_df = df[df["season"] < seasons[-2]]
val_df = df[df["season"] == seasons[-2]]
test_df = df[df["season"] == seasons[-1]]

scaler = StandardScaler().fit(train_df[features])
Xtr = torch.tensor(scaler.transform(train_df[features]), dtype=torch.float32)
Xva = torch.tensor(scaler.transform(val_df[features]), dtype=torch.float32)
ytr = torch.tensor(train_df["min_per_km"].values, dtype=torch.float32).unsqueeze(1)
yva = torch.tensor(val_df["min_per_km"].values, dtype=torch.float32).unsqueeze(1)


def build(hidden, dropout):
    return nn.Sequential(nn.Linear(len(features), hidden), nn.ReLU(), nn.Dropout(dropout),
                         nn.Linear(hidden, hidden // 2), nn.ReLU(), nn.Linear(hidden // 2, 1))


def train(cfg, X, y, epochs=60):
    net = build(cfg["hidden"], cfg["dropout"])
    opt = torch.optim.AdamW(net.parameters(), lr=cfg["lr"], weight_decay=cfg["wd"])
    loss_fn = nn.SmoothL1Loss()
    for _ in range(epochs):
        net.train()
        perm = torch.randperm(len(X))
        for i in range(0, len(X), 256):
            idx = perm[i:i + 256]
            opt.zero_grad()
            loss_fn(net(X[idx]), y[idx]).backward()
            opt.step()
    return net


def mae(net, X, y):
    net.eval()
    with torch.no_grad():
        return (net(X) - y).abs().mean().item()


configs = {
    "small": {"hidden": 32, "dropout": 0.0, "lr": 3e-3, "wd": 1e-4},
    "medium": {"hidden": 64, "dropout": 0.1, "lr": 2e-3, "wd": 1e-3},
    "wide": {"hidden": 128, "dropout": 0.2, "lr": 1e-3, "wd": 1e-3},
    "wide_reg": {"hidden": 128, "dropout": 0.3, "lr": 1e-3, "wd": 1e-2},
}

scores = {}
for name, cfg in configs.items():
    net = train(cfg, Xtr, ytr)
    scores[name] = mae(net, Xva, yva)
    print(f"{name:9s} val MAE {scores[name]:.3f} min/km")

best = min(scores, key=scores.get)
print(f"chosen config: {best}")

# refit the chosen config on all seasons before the test season
fit_df = pd.concat([train_df, val_df])
scaler = StandardScaler().fit(fit_df[features])
Xfit = torch.tensor(scaler.transform(fit_df[features]), dtype=torch.float32)
yfit = torch.tensor(fit_df["min_per_km"].values, dtype=torch.float32).unsqueeze(1)
Xte = torch.tensor(scaler.transform(test_df[features]), dtype=torch.float32)
yte = torch.tensor(test_df["min_per_km"].values, dtype=torch.float32).unsqueeze(1)
final_net = train(configs[best], Xfit, yfit)
print(f"final test MAE: {mae(final_net, Xte, yte):.3f} min/km")
