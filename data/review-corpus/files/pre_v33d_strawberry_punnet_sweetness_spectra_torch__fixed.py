# label: leakage/none
# Handheld NIR (900-1700 nm) sweetness model for strawberry punnets at the
# packhouse intake. Reference values: refractometer Brix on pressed punnet juice.
import numpy as np
import pandas as pd
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

torch.manual_seed(0)
SCANS = "data/nir_scans_2023_2024.parquet"   # one row per scan, columns nm_900 ... nm_1700
REFERENCE = "data/punnet_brix_reference.csv"


def snv(spectra):
    centred = spectra - spectra.mean(axis=1, keepdims=True)
    return centred / spectra.std(axis=1, keepdims=True)


def load_punnets():
    scans = pd.read_parquet(SCANS)
    wl_cols = [c for c in scans.columns if c.startswith("nm_")]
    # five scans per punnet (different berries); average into one spectrum
    spectra = scans.groupby("punnet_id")[wl_cols].mean()
    ref = pd.read_csv(REFERENCE).set_index("punnet_id")
    df = spectra.join(ref[["brix", "variety"]], how="inner").dropna(subset=["brix"])
    return df, wl_cols


class SpectraMLP(nn.Module):
    def __init__(self, n_in):
        super().__init__()
        self.net = nn.Sequential(
            nn.Linear(n_in, 128), nn.GELU(), nn.Dropout(0.2),
            nn.Linear(128, 32), nn.GELU(),
            nn.Linear(32, 1),
        )

    def forward(self, x):
        return self.net(x).squeeze(-1)


df, wl_cols = load_punnets()
X = snv(df[wl_cols].to_numpy(dtype=np.float32))
y = df["brix"].to_numpy(dtype=np.float32)
print(f"{len(df)} punnets, {len(wl_cols)} wavelengths, Brix {y.min():.1f}-{y.max():.1f}")

perm = torch.randperm(len(X), generator=torch.Generator().manual_seed(42)).numpy()
n_test = int(0.2 * len(X))
test_idx, train_idx = perm[:n_test], perm[n_test:]

mean, std = X[train_idx].mean(axis=0), X[train_idx].std(axis=0) + 1e-6
X = (X - mean) / std

train_ds = TensorDataset(torch.from_numpy(X[train_idx]), torch.from_numpy(y[train_idx]))
loader = DataLoader(train_ds, batch_size=32, shuffle=True)
X_test = torch.from_numpy(X[test_idx])
y_test = y[test_idx]

model = SpectraMLP(len(wl_cols))
opt = torch.optim.AdamW(model.parameters(), lr=1e-3, weight_decay=1e-3)
sched = torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=150)
loss_fn = nn.HuberLoss(delta=1.0)

for epoch in range(150):
    model.train()
    running = 0.0
    for xb, yb in loader:
        opt.zero_grad()
        loss = loss_fn(model(xb), yb)
        loss.backward()
        opt.step()
        running += loss.item() * len(xb)
    sched.step()
    if epoch % 25 == 0:
        print(f"epoch {epoch:3d}  train loss {running / len(train_ds):.4f}")

model.eval()
with torch.no_grad():
    pred = model(X_test).numpy()

rmsep = float(np.sqrt(np.mean((pred - y_test) ** 2)))
bias = float(np.mean(pred - y_test))
r2 = 1 - np.sum((y_test - pred) ** 2) / np.sum((y_test - y_test.mean()) ** 2)
rpd = float(np.std(y_test) / rmsep)
print(f"test RMSEP {rmsep:.3f} Brix | bias {bias:+.3f} | R2 {r2:.3f} | RPD {rpd:.2f}")

by_variety = pd.DataFrame({"variety": df["variety"].to_numpy()[test_idx], "err": pred - y_test})
print(by_variety.groupby("variety")["err"].agg(lambda e: np.sqrt(np.mean(e ** 2))).round(3))

torch.save({"state_dict": model.state_dict(), "mean": mean, "std": std, "wavelengths": wl_cols},
           "models/strawberry_brix_mlp.pt")
