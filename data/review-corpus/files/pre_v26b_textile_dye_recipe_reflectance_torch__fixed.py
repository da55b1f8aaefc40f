# label: leakage/none
"""Predict the three-dye recipe concentrations of a lab dyeing from its measured reflectance curve."""
import numpy as np
import pandas as pd
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset
from sklearn.model_selection import GroupShuffleSplit

torch.manual_seed(0)
WAVELENGTHS = list(range(400, 701, 10))
R_COLS = [f"r{w}" for w in WAVELENGTHS]
DYES = ["c_red", "c_yellow", "c_blue"]
SUBSTRATES = ["cotton", "wool", "polyester", "nylon"]

dyeings = pd.read_csv("lab_dyeings_reflectance.csv")
recipes = pd.read_csv("lab_recipes.csv")  # recipe_id, substrate, c_red, c_yellow, c_blue
df = dyeings.merge(recipes, on="recipe_id", how="inner")
df = df[df["substrate"].isin(SUBSTRATES)]
df = df[(df[R_COLS] > 0).all(axis=1) & (df[R_COLS] <= 1.05).all(axis=1)].reset_index(drop=True)

# Kubelka-Munk K/S per wavelength, then log to tame the dark end
R = df[R_COLS].to_numpy().clip(1e-3, 1.0)
ks = np.log((1 - R) ** 2 / (2 * R) + 1e-4)
substrate_onehot = pd.get_dummies(df["substrate"]).reindex(columns=SUBSTRATES, fill_value=0)
features = np.hstack([ks, substrate_onehot.to_numpy(dtype=float)])
targets = np.log1p(df[DYES].to_numpy(dtype=float))

# repeat dyeings of one recipe share a group
gss = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=2)
train_idx, test_idx = next(gss.split(features, targets, groups=df["recipe_id"]))

mu = features[train_idx].mean(axis=0)
sd = features[train_idx].std(axis=0) + 1e-6
features = (features - mu) / sd
X_train = torch.tensor(features[train_idx], dtype=torch.float32)
X_test = torch.tensor(features[test_idx], dtype=torch.float32)
y_train = torch.tensor(targets[train_idx], dtype=torch.float32)
y_test = torch.tensor(targets[test_idx], dtype=torch.float32)
loader = DataLoader(TensorDataset(X_train, y_train), batch_size=64, shuffle=True)


class RecipeNet(nn.Module):
    def __init__(self, n_in, n_out=3, width=128):
        super().__init__()
        self.body = nn.Sequential(
            nn.Linear(n_in, width), nn.GELU(), nn.Dropout(0.1),
            nn.Linear(width, width), nn.GELU(), nn.Dropout(0.1),
            nn.Linear(width, n_out),
        )

    def forward(self, x):
        return self.body(x)


net = RecipeNet(X_train.shape[1])
opt = torch.optim.AdamW(net.parameters(), lr=2e-3, weight_decay=1e-4)
sched = torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=150)
loss_fn = nn.SmoothL1Loss(beta=0.05)

for epoch in range(150):
    net.train()
    total = 0.0
    for xb, yb in loader:
        opt.zero_grad()
        loss = loss_fn(net(xb), yb)
        loss.backward()
        opt.step()
        total += loss.item() * len(xb)
    sched.step()
    if epoch % 25 == 0:
        print(f"epoch {epoch:3d} train loss {total / len(X_train):.5f}")

net.eval()
with torch.no_grad():
    pred = np.expm1(net(X_test).numpy()).clip(min=0)
true = np.expm1(y_test.numpy())
for i, dye in enumerate(DYES):
    mae = np.mean(np.abs(pred[:, i] - true[:, i]))
    print(f"{dye}: MAE {mae:.4f} % owf")
print(f"overall MAE {np.mean(np.abs(pred - true)):.4f} % owf")
