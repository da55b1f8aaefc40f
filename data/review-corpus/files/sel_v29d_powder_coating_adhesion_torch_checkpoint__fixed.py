# label: leakage/none
# Cross-hatch adhesion (ISO 2409) pass/fail for powder-coated panels.
# One QC panel per coating run; oven logger + pretreatment line readings.
import copy

import numpy as np
import pandas as pd
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler
from sklearn.metrics import f1_score, roc_auc_score

torch.manual_seed(7)
runs = pd.read_csv("qc/powder_runs_2021_2024.csv")
FEATS = ["peak_metal_temp_c", "time_above_180_s", "film_thickness_um", "film_thickness_sd",
         "conductivity_rinse_us", "phosphate_coat_wt_gm2", "dry_off_temp_c", "booth_rh_pct",
         "powder_reclaim_ratio", "line_speed_m_min", "substrate_gauge_mm"]
X = runs[FEATS].to_numpy(dtype=np.float32)
y = (runs["crosshatch_class"] <= 1).astype(np.float32).to_numpy()

X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.2, stratify=y, random_state=21)
X_tr, X_va, y_tr, y_va = train_test_split(X_tr, y_tr, test_size=0.2, stratify=y_tr, random_state=22)
scaler = StandardScaler().fit(X_tr)
X_tr, X_va, X_te = scaler.transform(X_tr), scaler.transform(X_va), scaler.transform(X_te)

def loader(a, b, shuffle):
    ds = TensorDataset(torch.tensor(a, dtype=torch.float32), torch.tensor(b, dtype=torch.float32))
    return DataLoader(ds, batch_size=64, shuffle=shuffle)

train_dl = loader(X_tr, y_tr, True)
val_dl = loader(X_va, y_va, False)
test_dl = loader(X_te, y_te, False)

net = nn.Sequential(
    nn.Linear(len(FEATS), 64), nn.ReLU(), nn.Dropout(0.2),
    nn.Linear(64, 32), nn.ReLU(),
    nn.Linear(32, 1),
)
pos_weight = torch.tensor([(y_tr == 0).sum() / max((y_tr == 1).sum(), 1)], dtype=torch.float32)
loss_fn = nn.BCEWithLogitsLoss(pos_weight=pos_weight)
opt = torch.optim.AdamW(net.parameters(), lr=2e-3, weight_decay=1e-4)

def predict(dl):
    net.eval()
    out = []
    with torch.no_grad():
        for xb, _ in dl:
            out.append(torch.sigmoid(net(xb)).squeeze(1))
    return torch.cat(out).numpy()

best_f1, best_state, best_epoch = -1.0, None, 0
for epoch in range(1, 151):
    net.train()
    running = 0.0
    for xb, yb in train_dl:
        opt.zero_grad()
        loss = loss_fn(net(xb).squeeze(1), yb)
        loss.backward()
        opt.step()
        running += loss.item() * len(xb)
    p = predict(val_dl)
    f1 = f1_score(y_va, p > 0.5)
    if f1 > best_f1:
        best_f1, best_state, best_epoch = f1, copy.deepcopy(net.state_dict()), epoch
    if epoch % 10 == 0:
        print(f"epoch {epoch:3d} loss {running / len(X_tr):.4f} val f1 {f1:.3f}")

net.load_state_dict(best_state)
torch.save(best_state, "models/crosshatch_mlp.pt")
p = predict(test_dl)
print(f"best epoch {best_epoch}")
print(f"test F1 {f1_score(y_te, p > 0.5):.3f}  ROC AUC {roc_auc_score(y_te, p):.3f}")
