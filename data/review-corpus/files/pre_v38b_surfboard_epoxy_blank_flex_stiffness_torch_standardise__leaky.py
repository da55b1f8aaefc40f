# label: leakage/preprocessing
# Flex stiffness (N/mm, three-point bend at 600 mm span) of finished epoxy shortboards,
# predicted from the build sheet so the shaper can adjust glassing before lamination.
import numpy as np
import pandas as pd
import torch
from torch import nn

torch.manual_seed(0)

STRINGERS = ["none", "basswood", "balsa", "carbon_strip", "parabolic_carbon"]
CORES = ["eps_1.5lb", "eps_2lb", "xps", "pu_blank"]
NUMERIC = [
    "length_cm", "width_cm", "thickness_mm", "nose_rocker_mm", "tail_rocker_mm",
    "core_density_kg_m3", "stringer_width_mm", "deck_glass_oz", "bottom_glass_oz",
    "resin_g_per_m2", "cure_temp_c", "cure_hours",
]


def build_matrix(sheets: pd.DataFrame) -> np.ndarray:
    num = sheets[NUMERIC].to_numpy(dtype=np.float32)
    stringer = pd.get_dummies(pd.Categorical(sheets["stringer"], categories=STRINGERS)).to_numpy(np.float32)
    core = pd.get_dummies(pd.Categorical(sheets["core"], categories=CORES)).to_numpy(np.float32)
    volume = (sheets["length_cm"] * sheets["width_cm"] * sheets["thickness_mm"] / 10).to_numpy(np.float32)
    return np.column_stack([num, np.log(volume), stringer, core])


sheets = pd.read_csv("workshop/build_sheets_flex_tests.csv")
sheets = sheets.dropna(subset=NUMERIC + ["flex_n_per_mm"])
X = torch.tensor(build_matrix(sheets))
y = torch.tensor(sheets["flex_n_per_mm"].to_numpy(np.float32)).unsqueeze(1)

mu = X.mean(dim=0)
sd = X.std(dim=0).clamp_min(1e-6)
X = (X - mu) / sd

perm = torch.randperm(len(X))
n_test = int(0.2 * len(X))
test_idx, train_idx = perm[:n_test], perm[n_test:]
X_train, y_train = X[train_idx], y[train_idx]
X_test, y_test = X[test_idx], y[test_idx]

model = nn.Sequential(
    nn.Linear(X.shape[1], 64), nn.SiLU(),
    nn.Linear(64, 32), nn.SiLU(),
    nn.Linear(32, 1),
)
opt = torch.optim.Adam(model.parameters(), lr=2e-3, weight_decay=1e-4)
loss_fn = nn.MSELoss()

for epoch in range(400):
    model.train()
    batch_order = torch.randperm(len(X_train))
    for start in range(0, len(X_train), 32):
        idx = batch_order[start:start + 32]
        opt.zero_grad()
        loss = loss_fn(model(X_train[idx]), y_train[idx])
        loss.backward()
        opt.step()
    if (epoch + 1) % 100 == 0:
        with torch.no_grad():
            train_rmse = loss_fn(model(X_train), y_train).sqrt().item()
        print(f"epoch {epoch + 1}: train RMSE {train_rmse:.2f} N/mm")

model.eval()
with torch.no_grad():
    pred = model(X_test)
rmse = torch.sqrt(torch.mean((pred - y_test) ** 2)).item()
mae = torch.mean(torch.abs(pred - y_test)).item()
mape = torch.mean(torch.abs(pred - y_test) / y_test).item()
print(f"test RMSE {rmse:.2f} N/mm | MAE {mae:.2f} N/mm | MAPE {mape:.1%}")
