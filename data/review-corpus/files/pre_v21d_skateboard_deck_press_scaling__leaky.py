# label: leakage/preprocessing
"""Warranty-snap risk for skateboard decks from press-line QC measurements (small torch MLP)."""
import numpy as np
import pandas as pd
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset
from sklearn.metrics import roc_auc_score, average_precision_score
from sklearn.model_selection import train_test_split

torch.manual_seed(0)
np.random.seed(0)

QC_COLUMNS = ["ply_count", "veneer_moisture_pct", "glue_spread_gsm", "press_pressure_bar",
              "press_minutes", "cure_hours", "concave_depth_mm", "deck_weight_g",
              "deck_width_in", "wheelbase_in", "flex_deflection_mm", "room_humidity_pct"]


def load_qc(path="deck_press_qc.parquet"):
    qc = pd.read_parquet(path)
    qc = qc[qc["deck_weight_g"].between(700, 2000)]
    qc["maple_share"] = qc["maple_plies"] / qc["ply_count"]
    return qc


def standardize(frame, cols):
    mu = frame[cols].mean()
    sigma = frame[cols].std().replace(0, 1.0)
    return (frame[cols] - mu) / sigma


class SnapNet(nn.Module):
    def __init__(self, n_in, hidden=64, p_drop=0.2):
        super().__init__()
        self.body = nn.Sequential(
            nn.Linear(n_in, hidden), nn.ReLU(), nn.Dropout(p_drop),
            nn.Linear(hidden, hidden // 2), nn.ReLU(), nn.Dropout(p_drop),
            nn.Linear(hidden // 2, 1),
        )

    def forward(self, x):
        return self.body(x).squeeze(-1)


def to_tensor(a):
    return torch.tensor(np.asarray(a), dtype=torch.float32)


qc = load_qc()
cols = QC_COLUMNS + ["maple_share"]
features = standardize(qc, cols)
labels = qc["snapped_within_90d"].astype(int)

X_train, X_test, y_train, y_test = train_test_split(
    features, labels, test_size=0.2, stratify=labels, random_state=0
)

loader = DataLoader(TensorDataset(to_tensor(X_train), to_tensor(y_train)), batch_size=128, shuffle=True)
net = SnapNet(len(cols))
pos_weight = torch.tensor((y_train == 0).sum() / max((y_train == 1).sum(), 1), dtype=torch.float32)
loss_fn = nn.BCEWithLogitsLoss(pos_weight=pos_weight)
opt = torch.optim.AdamW(net.parameters(), lr=1e-3, weight_decay=1e-4)

for epoch in range(40):
    net.train()
    running = 0.0
    for xb, yb in loader:
        opt.zero_grad()
        loss = loss_fn(net(xb), yb)
        loss.backward()
        opt.step()
        running += loss.item() * len(xb)
    if epoch % 10 == 9:
        print(f"epoch {epoch + 1:2d}  train loss {running / len(loader.dataset):.4f}")

net.eval()
with torch.no_grad():
    test_scores = torch.sigmoid(net(to_tensor(X_test))).numpy()

print("test ROC AUC :", round(roc_auc_score(y_test, test_scores), 4))
print("test PR AUC  :", round(average_precision_score(y_test, test_scores), 4))
torch.save(net.state_dict(), "snapnet.pt")
