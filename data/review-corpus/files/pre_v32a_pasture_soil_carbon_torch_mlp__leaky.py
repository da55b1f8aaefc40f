# label: leakage/preprocessing
"""Soil organic carbon from MIR spectra and site covariates (grazing trial network).

One 0-10 cm composite core per monitoring site. Spectra were averaged over
four replicate scans and resampled to 8 cm-1 bins by the lab; SOC (%) comes
from dry combustion.
"""
import numpy as np
import pandas as pd
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset, random_split

SEED = 41
EPOCHS = 250
BATCH = 32

torch.manual_seed(SEED)

spectra = pd.read_parquet("lab/mir_spectra_8cm.parquet")          # site_id + absorbance bins
sites = pd.read_csv("lab/site_covariates.csv")                     # clay, elevation, rainfall...
soc = pd.read_csv("lab/dry_combustion_soc.csv")                    # site_id, soc_pct

table = spectra.merge(sites, on="site_id").merge(soc, on="site_id").dropna()
band_cols = [c for c in spectra.columns if c.startswith("wn_")]
covariate_cols = ["clay_pct", "sand_pct", "ph_water", "elevation_m", "annual_rain_mm",
                  "years_since_conversion", "stocking_rate_dse"]

# first derivative of the spectra (Savitzky-Golay-like simple difference)
absorb = table[band_cols].to_numpy(dtype=np.float32)
deriv = np.diff(absorb, axis=1)
covs = table[covariate_cols].to_numpy(dtype=np.float32)
features = np.hstack([deriv, covs])
target = np.log1p(table["soc_pct"].to_numpy(dtype=np.float32))

X = torch.from_numpy(features)
y = torch.from_numpy(target).unsqueeze(1)
mean = X.mean(dim=0)
std = X.std(dim=0).clamp_min(1e-6)
X = (X - mean) / std

dataset = TensorDataset(X, y)
n_test = len(dataset) // 5
train_set, test_set = random_split(
    dataset, [len(dataset) - n_test, n_test], generator=torch.Generator().manual_seed(SEED)
)
train_loader = DataLoader(train_set, batch_size=BATCH, shuffle=True)


class SocNet(nn.Module):
    def __init__(self, n_in):
        super().__init__()
        self.body = nn.Sequential(
            nn.Linear(n_in, 256), nn.GELU(), nn.Dropout(0.2),
            nn.Linear(256, 64), nn.GELU(), nn.Dropout(0.1),
            nn.Linear(64, 1),
        )

    def forward(self, x):
        return self.body(x)


net = SocNet(X.shape[1])
opt = torch.optim.Adam(net.parameters(), lr=1e-3, weight_decay=1e-3)
loss_fn = nn.MSELoss()

for epoch in range(EPOCHS):
    net.train()
    for xb, yb in train_loader:
        opt.zero_grad()
        loss = loss_fn(net(xb), yb)
        loss.backward()
        opt.step()
    if (epoch + 1) % 50 == 0:
        print(f"epoch {epoch + 1:3d}  last batch mse {loss.item():.4f}")

net.eval()
X_test = torch.stack([test_set[i][0] for i in range(len(test_set))])
y_test = torch.stack([test_set[i][1] for i in range(len(test_set))])
with torch.no_grad():
    pred_soc = torch.expm1(net(X_test)).squeeze(1).numpy()
true_soc = torch.expm1(y_test).squeeze(1).numpy()

rmse = float(np.sqrt(np.mean((pred_soc - true_soc) ** 2)))
rpiq = (np.quantile(true_soc, 0.75) - np.quantile(true_soc, 0.25)) / rmse
r2 = 1 - np.sum((true_soc - pred_soc) ** 2) / np.sum((true_soc - true_soc.mean()) ** 2)
print(f"test RMSE {rmse:.3f} %SOC, R2 {r2:.3f}, RPIQ {rpiq:.2f}")
