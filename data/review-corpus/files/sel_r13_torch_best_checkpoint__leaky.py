# label: leakage/selection
# twin: sel_r13_torch_best_checkpoint__fixed.py
# source: hand-written for ai-ci, tuning part of round 13 (Apache-2.0)
"""MLP regressor for the log fare of one-way economy quotes."""
import copy

import numpy as np
import pandas as pd
import torch
from sklearn.preprocessing import StandardScaler
from torch import nn
from torch.utils.data import DataLoader, Dataset

FEATURES = ["days_to_departure", "distance_km", "n_stops", "dep_hour", "dow",
            "is_holiday_window", "route_competitors", "seats_remaining_quote"]


class FareDataset(Dataset):
    def __init__(self, X, y):
        self.X = torch.tensor(X, dtype=torch.float32)
        self.y = torch.tensor(y, dtype=torch.float32).unsqueeze(1)

    def __len__(self):
        return len(self.X)

    def __getitem__(self, i):
        return self.X[i], self.y[i]


def run_epoch(model, loader, opt=None):
    model.train(opt is not None)
    total, n = 0.0, 0
    for xb, yb in loader:
        with torch.set_grad_enabled(opt is not None):
            loss = nn.functional.l1_loss(model(xb), yb)
        if opt is not None:
            opt.zero_grad()
            loss.backward()
            opt.step()
        total += loss.item() * len(xb)
        n += len(xb)
    return total / n


quotes = pd.read_parquet("data/fare_quotes.parquet").sort_values("search_date")
train_df = quotes[quotes["search_date"] < "2024-04-01"]
test_df = quotes[quotes["search_date"] >= "2024-04-01"]

scaler = StandardScaler().fit(train_df[FEATURES])


def make_ds(df):
    return FareDataset(scaler.transform(df[FEATURES]), np.log(df["price_usd"].to_numpy()))


train_loader = DataLoader(make_ds(train_df), batch_size=512, shuffle=True)
test_loader = DataLoader(make_ds(test_df), batch_size=2048)

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(len(FEATURES), 128), nn.ReLU(), nn.Dropout(0.1),
                      nn.Linear(128, 64), nn.ReLU(), nn.Linear(64, 1))
opt = torch.optim.AdamW(model.parameters(), lr=1e-3, weight_decay=1e-4)

best_loss, best_state = float("inf"), None
for epoch in range(60):
    tr_loss = run_epoch(model, train_loader, opt)
    te_loss = run_epoch(model, test_loader)
    if te_loss < best_loss:
        best_loss, best_state = te_loss, copy.deepcopy(model.state_dict())
        torch.save(best_state, "checkpoints/fare_mlp_best.pt")
    print(f"epoch {epoch:02d} train MAE(log) {tr_loss:.4f} test MAE(log) {te_loss:.4f}")

model.load_state_dict(best_state)
print(f"final test MAE(log fare): {run_epoch(model, test_loader):.4f}")
