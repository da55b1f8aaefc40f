# label: leakage/preprocessing
# Compounding line 2: soft sensor for melt flow index (g/10 min, 230 C / 2.16 kg) of
# recycled PP pellets, from extruder settings and feedstock mix, one row per lab-tested lot.
import numpy as np
import pandas as pd
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset, random_split

torch.manual_seed(5)
GRADES = ["PP-H", "PP-R", "PP-C", "PP-post-consumer"]

lots = pd.read_csv("lab/mfi_lots.csv")
lots = lots.dropna(subset=["mfi_g10min"])
lots["grade"] = pd.Categorical(lots["grade"], categories=GRADES)
grade_dummies = pd.get_dummies(lots["grade"], prefix="grade", dtype="float32")

process_cols = [
    "zone1_c", "zone2_c", "zone3_c", "zone4_c", "die_c", "screw_rpm", "throughput_kg_h",
    "melt_pressure_bar", "vacuum_mbar", "regrind_pct", "peroxide_ppm", "talc_pct",
    "feed_moisture_pct", "specific_energy_kwh_kg",
]
X_all = torch.tensor(
    np.hstack([lots[process_cols].to_numpy("float32"), grade_dummies.to_numpy()]),
    dtype=torch.float32,
)
# MFI is roughly log-normal across grades
y_all = torch.tensor(np.log(lots["mfi_g10min"].to_numpy("float32")), dtype=torch.float32).unsqueeze(1)

n_proc = len(process_cols)
mu = X_all[:, :n_proc].mean(dim=0)
sd = X_all[:, :n_proc].std(dim=0).clamp_min(1e-6)
X_all[:, :n_proc] = (X_all[:, :n_proc] - mu) / sd

dataset = TensorDataset(X_all, y_all)
n_test = int(0.2 * len(dataset))
train_ds, test_ds = random_split(dataset, [len(dataset) - n_test, n_test],
                                 generator=torch.Generator().manual_seed(5))
train_dl = DataLoader(train_ds, batch_size=64, shuffle=True)
test_dl = DataLoader(test_ds, batch_size=256)

net = nn.Sequential(
    nn.Linear(X_all.shape[1], 64), nn.SiLU(),
    nn.Linear(64, 32), nn.SiLU(),
    nn.Linear(32, 1),
)
opt = torch.optim.AdamW(net.parameters(), lr=2e-3, weight_decay=1e-4)
sched = torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=150)
loss_fn = nn.MSELoss()

for epoch in range(150):
    net.train()
    running = 0.0
    for xb, yb in train_dl:
        opt.zero_grad()
        loss = loss_fn(net(xb), yb)
        loss.backward()
        opt.step()
        running += loss.item() * len(xb)
    sched.step()
    if epoch % 25 == 0:
        print(f"epoch {epoch:3d}  train mse(log) {running / len(train_ds):.4f}")

net.eval()
preds, targets = [], []
with torch.no_grad():
    for xb, yb in test_dl:
        preds.append(net(xb))
        targets.append(yb)
pred_mfi = torch.exp(torch.cat(preds)).squeeze(1).numpy()
true_mfi = torch.exp(torch.cat(targets)).squeeze(1).numpy()

rmse = np.sqrt(np.mean((pred_mfi - true_mfi) ** 2))
within_spec = np.mean(np.abs(pred_mfi - true_mfi) / true_mfi < 0.10)
print(f"test RMSE {rmse:.2f} g/10min | within +/-10%: {within_spec:.1%}")
torch.save({"state_dict": net.state_dict(), "mu": mu, "sd": sd}, "models/mfi_soft_sensor.pt")
