# label: leakage/selection
import copy

import numpy as np
import pandas as pd
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

torch.manual_seed(7)

CITIES = ["london", "manchester", "birmingham", "leeds", "bristol", "edinburgh", "glasgow", "other"]
SPECS = ["cat_a", "cat_a_plus", "cat_b"]
NUMERIC = ["net_area_m2", "floors", "building_age_years", "raised_floor", "meeting_rooms_per_1000m2",
           "kitchen_points", "new_ahu", "led_upgrade", "listed_building", "occupied_during_works",
           "planned_programme_weeks"]


def build_frame(path):
    jobs = pd.read_csv(path)
    jobs = jobs[(jobs["status"] == "final_account_agreed") & (jobs["net_area_m2"] >= 100)]
    jobs = jobs[jobs["tender_date"].str[:4].astype(int).between(2021, 2023)]
    jobs["city"] = pd.Categorical(jobs["city"].where(jobs["city"].isin(CITIES), "other"), categories=CITIES)
    jobs["spec"] = pd.Categorical(jobs["spec"], categories=SPECS)
    jobs["net_area_m2"] = np.log(jobs["net_area_m2"])
    dummies = pd.get_dummies(jobs[["city", "spec"]], dtype=float)
    X = pd.concat([jobs[NUMERIC].astype(float), dummies], axis=1)
    y = np.log(jobs["final_cost_gbp"].to_numpy() / np.exp(jobs["net_area_m2"].to_numpy()))
    return X, y


class CostNet(nn.Module):
    def __init__(self, n_in):
        super().__init__()
        self.body = nn.Sequential(
            nn.Linear(n_in, 128), nn.ReLU(), nn.Dropout(0.1),
            nn.Linear(128, 64), nn.ReLU(),
            nn.Linear(64, 1),
        )

    def forward(self, x):
        return self.body(x).squeeze(-1)


class Trainer:
    def __init__(self, model, lr=1e-3, max_epochs=300, patience=20):
        self.model = model
        self.opt = torch.optim.AdamW(model.parameters(), lr=lr, weight_decay=1e-4)
        self.loss_fn = nn.MSELoss()
        self.max_epochs = max_epochs
        self.patience = patience

    def _epoch(self, loader):
        self.model.train()
        for xb, yb in loader:
            self.opt.zero_grad()
            loss = self.loss_fn(self.model(xb), yb)
            loss.backward()
            self.opt.step()

    @torch.no_grad()
    def evaluate(self, X, y):
        self.model.eval()
        return self.loss_fn(self.model(X), y).item()

    def fit(self, loader, X_mon, y_mon):
        best_loss, best_state, waited = np.inf, None, 0
        for epoch in range(self.max_epochs):
            self._epoch(loader)
            loss = self.evaluate(X_mon, y_mon)
            if loss < best_loss:
                best_loss, best_state, waited = loss, copy.deepcopy(self.model.state_dict()), 0
            else:
                waited += 1
                if waited >= self.patience:
                    break
        self.model.load_state_dict(best_state)
        print(f"stopped at epoch {epoch}, best monitored MSE {best_loss:.4f}")
        return self


def to_tensor(a):
    return torch.tensor(np.asarray(a), dtype=torch.float32)


X, y = build_frame("data/fitout_projects_final_accounts.csv")
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=3)

scaler = StandardScaler().fit(X_train)
Xt_train, Xt_test = to_tensor(scaler.transform(X_train)), to_tensor(scaler.transform(X_test))
yt_train, yt_test = to_tensor(y_train), to_tensor(y_test)

loader = DataLoader(TensorDataset(Xt_train, yt_train), batch_size=32, shuffle=True)
trainer = Trainer(CostNet(Xt_train.shape[1])).fit(loader, Xt_test, yt_test)

with torch.no_grad():
    trainer.model.eval()
    pred = trainer.model(Xt_test).numpy()

ape = np.abs(np.exp(pred) - np.exp(y_test)) / np.exp(y_test)
print(f"test RMSE (log cost/m2): {np.sqrt(np.mean((pred - y_test) ** 2)):.4f}")
print(f"test median abs % error: {np.median(ape):.1%}")
print(f"projects within 10% of final account: {np.mean(ape <= 0.10):.1%}")
