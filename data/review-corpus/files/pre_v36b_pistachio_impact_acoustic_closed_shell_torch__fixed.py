# label: leakage/none
"""Closed-shell pistachio detection from impact sound.

Nuts drop onto a steel plate; the microphone clip is turned into 64 log band energies
plus a few time-domain descriptors by the sorter firmware. Closed shells go to the
cracking line instead of the salted in-shell product.
"""
import numpy as np
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset
from sklearn.metrics import classification_report, roc_auc_score

torch.manual_seed(0)
rng = np.random.default_rng(0)
DEVICE = "cuda" if torch.cuda.is_available() else "cpu"


class ImpactNet(nn.Module):
    def __init__(self, n_in, hidden=128, p_drop=0.2):
        super().__init__()
        self.net = nn.Sequential(
            nn.Linear(n_in, hidden), nn.BatchNorm1d(hidden), nn.ReLU(), nn.Dropout(p_drop),
            nn.Linear(hidden, hidden // 2), nn.BatchNorm1d(hidden // 2), nn.ReLU(), nn.Dropout(p_drop),
            nn.Linear(hidden // 2, 1),
        )

    def forward(self, x):
        return self.net(x).squeeze(-1)


bands = np.load("sorter_export/band_energies.npy")        # (n, 64)
timing = np.load("sorter_export/time_descriptors.npy")    # (n, 6): decay, zcr, peak amp, ...
labels = np.load("sorter_export/closed_shell.npy").astype(np.float32)

X = np.hstack([np.log1p(bands), timing]).astype(np.float32)
print(X.shape, f"closed shell share {labels.mean():.3f}")

perm = rng.permutation(len(X))
n_test = int(0.2 * len(X))
test_idx, train_idx = perm[:n_test], perm[n_test:]

mu = X[train_idx].mean(axis=0)
sigma = X[train_idx].std(axis=0) + 1e-6
X = (X - mu) / sigma

train_ds = TensorDataset(torch.from_numpy(X[train_idx]), torch.from_numpy(labels[train_idx]))
test_ds = TensorDataset(torch.from_numpy(X[test_idx]), torch.from_numpy(labels[test_idx]))
train_dl = DataLoader(train_ds, batch_size=256, shuffle=True, drop_last=True)
test_dl = DataLoader(test_ds, batch_size=1024)

model = ImpactNet(X.shape[1]).to(DEVICE)
pos_weight = torch.tensor((1 - labels[train_idx].mean()) / labels[train_idx].mean(), device=DEVICE)
loss_fn = nn.BCEWithLogitsLoss(pos_weight=pos_weight)
opt = torch.optim.AdamW(model.parameters(), lr=2e-3, weight_decay=1e-4)
sched = torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=40)

for epoch in range(40):
    model.train()
    running = 0.0
    for xb, yb in train_dl:
        xb, yb = xb.to(DEVICE), yb.to(DEVICE)
        opt.zero_grad()
        loss = loss_fn(model(xb), yb)
        loss.backward()
        opt.step()
        running += loss.item() * len(xb)
    sched.step()
    if epoch % 5 == 4:
        print(f"epoch {epoch + 1:3d}  train loss {running / len(train_dl.dataset):.4f}")

model.eval()
probs = []
with torch.no_grad():
    for xb, _ in test_dl:
        probs.append(torch.sigmoid(model(xb.to(DEVICE))).cpu().numpy())
probs = np.concatenate(probs)
y_test = labels[test_idx]

print(f"ROC AUC {roc_auc_score(y_test, probs):.4f}")
print(classification_report(y_test, (probs >= 0.5).astype(int), target_names=["open", "closed"], digits=3))
