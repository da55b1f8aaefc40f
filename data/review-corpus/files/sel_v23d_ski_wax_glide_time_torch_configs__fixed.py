# label: leakage/none
"""Regress 50 m glide time of waxed test skis from snow, weather and wax properties with a small PyTorch MLP."""
import numpy as np
import pandas as pd
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset
from sklearn.preprocessing import StandardScaler

torch.manual_seed(0)
FEATURES = ["snow_temp_c", "air_temp_c", "rel_humidity", "crystal_age_days", "snow_density",
            "wax_melt_point_c", "wax_hardness", "fluoro_free", "grind_depth_um", "grind_pitch_mm",
            "tester_weight_kg", "wind_ms"]

runs = pd.read_csv("glide_runs.csv", parse_dates=["test_date"])
waxes = pd.read_csv("wax_catalogue.csv")
df = runs.merge(waxes, on="wax_code", how="inner")
df = df[(df["glide_time_s"] > 4) & (df["glide_time_s"] < 20)]
df["fluoro_free"] = df["fluoro_free"].astype(float)
df["crystal_age_days"] = df["crystal_age_days"].clip(upper=30)
df = df.dropna(subset=FEATURES)
df["season"] = df["test_date"].dt.year.where(df["test_date"].dt.month >= 7, df["test_date"].dt.year - 1)

train_df = df[df["season"] <= 2021]
test_df = df[df["season"] == 2022]


def to_tensors(fit_frame, *frames):
    scaler = StandardScaler().fit(fit_frame[FEATURES])
    out = []
    for f in (fit_frame,) + frames:
        X = torch.tensor(scaler.transform(f[FEATURES]), dtype=torch.float32)
        y = torch.tensor(f["glide_time_s"].to_numpy(), dtype=torch.float32).unsqueeze(1)
        out.append((X, y))
    return out


def train_mlp(X, y, hidden, dropout, lr, weight_decay, batch_size, epochs=120):
    model = nn.Sequential(
        nn.Linear(X.shape[1], hidden), nn.ReLU(), nn.Dropout(dropout),
        nn.Linear(hidden, hidden // 2), nn.ReLU(), nn.Linear(hidden // 2, 1),
    )
    opt = torch.optim.AdamW(model.parameters(), lr=lr, weight_decay=weight_decay)
    loader = DataLoader(TensorDataset(X, y), batch_size=batch_size, shuffle=True)
    for _ in range(epochs):
        model.train()
        for xb, yb in loader:
            opt.zero_grad()
            loss = nn.functional.mse_loss(model(xb), yb)
            loss.backward()
            opt.step()
    return model


def rmse(model, X, y):
    model.eval()
    with torch.no_grad():
        return torch.sqrt(nn.functional.mse_loss(model(X), y)).item()


configs = [
    dict(hidden=32, dropout=0.0, lr=3e-3, weight_decay=0.0, batch_size=32),
    dict(hidden=64, dropout=0.1, lr=1e-3, weight_decay=1e-4, batch_size=64),
    dict(hidden=128, dropout=0.2, lr=1e-3, weight_decay=1e-3, batch_size=64),
    dict(hidden=128, dropout=0.3, lr=5e-4, weight_decay=1e-2, batch_size=128),
]

# pick the configuration on the last training season
fit_df = train_df[train_df["season"] <= 2020]
val_df = train_df[train_df["season"] == 2021]
(X_fit, y_fit), (X_val, y_val) = to_tensors(fit_df, val_df)
scores = []
for cfg in configs:
    model = train_mlp(X_fit, y_fit, **cfg)
    scores.append(rmse(model, X_val, y_val))
    print(cfg, f"val RMSE {scores[-1]:.3f} s")

best = int(np.argmin(scores))
print("best config:", configs[best])
(X_tr, y_tr), (X_te, y_te) = to_tensors(train_df, test_df)
final = train_mlp(X_tr, y_tr, **configs[best])
print(f"2022/23 season RMSE: {rmse(final, X_te, y_te):.3f} s over {len(test_df)} runs")
