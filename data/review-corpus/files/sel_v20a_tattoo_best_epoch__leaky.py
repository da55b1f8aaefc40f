# label: leakage/selection
"""Deposit-paid bookings at a group of tattoo studios: will the client show up for the session?
Small MLP in torch over tabular booking features."""
import copy

import numpy as np
import pandas as pd
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset
from sklearn.compose import ColumnTransformer
from sklearn.metrics import roc_auc_score
from sklearn.preprocessing import OneHotEncoder, StandardScaler

torch.manual_seed(3)
PARAMS = {"epochs": 60, "batch": 256, "lr": 1e-3, "hidden": 64, "dropout": 0.2}
NUM_COLS = ["lead_days", "deposit_gbp", "quoted_hours", "client_prior_sessions",
            "client_prior_no_shows", "artist_tenure_years", "reminder_count"]
CAT_COLS = ["studio", "style", "body_area", "booking_channel", "weekday"]


def load_bookings(path="data/studio_bookings.parquet"):
    df = pd.read_parquet(path)
    df = df[df["status"].isin(["completed", "no_show"])].copy()
    df["showed"] = (df["status"] == "completed").astype(np.float32)
    df["weekday"] = pd.to_datetime(df["session_date"]).dt.day_name()
    return df.sort_values("booked_at").reset_index(drop=True)


def to_loader(X, y, shuffle):
    ds = TensorDataset(torch.tensor(X, dtype=torch.float32), torch.tensor(y, dtype=torch.float32))
    return DataLoader(ds, batch_size=PARAMS["batch"], shuffle=shuffle)


class ShowNet(nn.Module):
    def __init__(self, n_in):
        super().__init__()
        self.body = nn.Sequential(
            nn.Linear(n_in, PARAMS["hidden"]), nn.ReLU(), nn.Dropout(PARAMS["dropout"]),
            nn.Linear(PARAMS["hidden"], PARAMS["hidden"] // 2), nn.ReLU(),
            nn.Linear(PARAMS["hidden"] // 2, 1),
        )

    def forward(self, x):
        return self.body(x).squeeze(-1)


@torch.no_grad()
def score(model, loader):
    model.eval()
    probs, ys = [], []
    for xb, yb in loader:
        probs.append(torch.sigmoid(model(xb)).numpy())
        ys.append(yb.numpy())
    return roc_auc_score(np.concatenate(ys), np.concatenate(probs))


df = load_bookings()
cut = int(len(df) * 0.8)
train_df, test_df = df.iloc[:cut], df.iloc[cut:]

prep = ColumnTransformer([
    ("num", StandardScaler(), NUM_COLS),
    ("cat", OneHotEncoder(handle_unknown="ignore", sparse_output=False), CAT_COLS),
])
X_train = prep.fit_transform(train_df)
X_test = prep.transform(test_df)
train_loader = to_loader(X_train, train_df["showed"].values, shuffle=True)
test_loader = to_loader(X_test, test_df["showed"].values, shuffle=False)

model = ShowNet(X_train.shape[1])
opt = torch.optim.AdamW(model.parameters(), lr=PARAMS["lr"], weight_decay=1e-4)
loss_fn = nn.BCEWithLogitsLoss()

best_auc, best_epoch, best_state = -1.0, -1, None
for epoch in range(PARAMS["epochs"]):
    model.train()
    running = 0.0
    for xb, yb in train_loader:
        opt.zero_grad()
        loss = loss_fn(model(xb), yb)
        loss.backward()
        opt.step()
        running += loss.item() * len(xb)
    auc = score(model, test_loader)
    if auc > best_auc:
        best_auc, best_epoch, best_state = auc, epoch, copy.deepcopy(model.state_dict())
    if epoch % 10 == 0:
        print(f"epoch {epoch:3d}  train loss {running / len(train_loader.dataset):.4f}  auc {auc:.4f}")

model.load_state_dict(best_state)
torch.save(model.state_dict(), "shownet.pt")
print(f"kept epoch {best_epoch}")
print(f"test ROC-AUC: {score(model, test_loader):.4f}")
