# label: leakage/none
import numpy as np
import pandas as pd
import torch
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

torch.manual_seed(3)
np.random.seed(3)

FEATURES = [
    "resin_temp_c", "mould_temp_c", "vacuum_mbar", "infusion_min", "gel_time_min",
    "ambient_rh_pct", "ply_count", "core_thickness_mm", "resin_viscosity_mpas",
    "flow_mesh_overlap_mm", "degas_min", "panel_length_m",
]
TARGET = "void_fraction_pct"
MAX_EPOCHS = 400


class VoidNet(nn.Module):
    def __init__(self, n_in, hidden=64, p_drop=0.1):
        super().__init__()
        self.body = nn.Sequential(
            nn.Linear(n_in, hidden), nn.SiLU(), nn.Dropout(p_drop),
            nn.Linear(hidden, hidden), nn.SiLU(), nn.Dropout(p_drop),
            nn.Linear(hidden, 1),
        )

    def forward(self, x):
        return self.body(x).squeeze(-1)


def to_loader(X, y, batch_size, shuffle):
    ds = TensorDataset(torch.tensor(X, dtype=torch.float32), torch.tensor(y, dtype=torch.float32))
    return DataLoader(ds, batch_size=batch_size, shuffle=shuffle)


def rmse(model, loader):
    model.eval()
    sq, n = 0.0, 0
    with torch.no_grad():
        for xb, yb in loader:
            sq += ((model(xb) - yb) ** 2).sum().item()
            n += len(yb)
    return (sq / n) ** 0.5


# one row per trial panel infused in the process lab, void content from burn-off test
df = pd.read_parquet("data/infusion_trial_panels.parquet")
df = df.dropna(subset=FEATURES + [TARGET])
df = df[df["vacuum_mbar"] < 50]

X = df[FEATURES].to_numpy()
y = df[TARGET].to_numpy()

X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=3)
X_train, X_val, y_train, y_val = train_test_split(X_train, y_train, test_size=0.2, random_state=3)

scaler = StandardScaler().fit(X_train)
train_loader = to_loader(scaler.transform(X_train), y_train, 64, True)
val_loader = to_loader(scaler.transform(X_val), y_val, 256, False)
test_loader = to_loader(scaler.transform(X_test), y_test, 256, False)

model = VoidNet(len(FEATURES))
opt = torch.optim.AdamW(model.parameters(), lr=2e-3, weight_decay=1e-4)
loss_fn = nn.MSELoss()

best_rmse, best_epoch, best_state = float("inf"), -1, None
for epoch in range(MAX_EPOCHS):
    model.train()
    for xb, yb in train_loader:
        opt.zero_grad()
        loss = loss_fn(model(xb), yb)
        loss.backward()
        opt.step()

    epoch_rmse = rmse(model, val_loader)
    if epoch_rmse < best_rmse:
        best_rmse, best_epoch = epoch_rmse, epoch
        best_state = {k: v.clone() for k, v in model.state_dict().items()}
    if epoch % 25 == 0:
        print(f"epoch {epoch:3d}  rmse {epoch_rmse:.3f}")

model.load_state_dict(best_state)
print(f"best epoch: {best_epoch}")

test_rmse = rmse(model, test_loader)
baseline = np.sqrt(np.mean((y_test - y_train.mean()) ** 2))
print(f"test RMSE (void %): {test_rmse:.3f}  vs mean baseline {baseline:.3f}")
torch.save(model.state_dict(), "voidnet.pt")
