# label: leakage/none
"""Risk that a rescue horse comes back during its eight-week loan trial.

Scored when the match between horse and home is approved, so the welfare
team can schedule extra visits for the riskier placements.
"""
import numpy as np
import pandas as pd
import torch
from torch import nn
from torch.utils.data import DataLoader, Dataset
from sklearn.compose import ColumnTransformer
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import OneHotEncoder, StandardScaler

NUMERIC = ["age_years", "height_hands", "days_at_centre", "ridden_level", "handling_score",
           "vet_flags", "home_experience_years", "home_acreage", "other_horses_at_home",
           "distance_from_centre_km", "previous_loans"]
CATEGORICAL = ["breed_group", "sex", "intake_reason", "home_type", "turnout", "matched_by"]
TARGET = "returned_in_trial"


class PlacementData(Dataset):
    def __init__(self, X, y):
        self.X = torch.as_tensor(X, dtype=torch.float32)
        self.y = torch.as_tensor(y, dtype=torch.float32).unsqueeze(1)

    def __len__(self):
        return len(self.y)

    def __getitem__(self, i):
        return self.X[i], self.y[i]


def make_net(n_in):
    return nn.Sequential(nn.Linear(n_in, 48), nn.ReLU(), nn.Dropout(0.2),
                         nn.Linear(48, 16), nn.ReLU(), nn.Linear(16, 1))


def train_net(net, loader, pos_weight, epochs=60):
    opt = torch.optim.Adam(net.parameters(), lr=2e-3, weight_decay=1e-4)
    loss_fn = nn.BCEWithLogitsLoss(pos_weight=torch.tensor([pos_weight]))
    for _ in range(epochs):
        net.train()
        for xb, yb in loader:
            opt.zero_grad()
            loss_fn(net(xb), yb).backward()
            opt.step()
    return net


def main():
    torch.manual_seed(0)
    loans = pd.read_csv("crm/loan_placements.csv", parse_dates=["approved_on"])
    loans = loans.dropna(subset=[TARGET]).sort_values("approved_on")
    loans[CATEGORICAL] = loans[CATEGORICAL].fillna("unknown")
    loans[NUMERIC] = loans[NUMERIC].fillna(0)

    train, test = train_test_split(loans, test_size=0.2, shuffle=False)
    prep = ColumnTransformer([
        ("num", StandardScaler(), NUMERIC),
        ("cat", OneHotEncoder(handle_unknown="ignore", sparse_output=False), CATEGORICAL),
    ])
    X_train = prep.fit_transform(train)
    X_test = prep.transform(test)
    y_train, y_test = train[TARGET].to_numpy(), test[TARGET].to_numpy()

    loader = DataLoader(PlacementData(X_train, y_train), batch_size=64, shuffle=True)
    pos_weight = (1 - y_train.mean()) / y_train.mean()
    net = train_net(make_net(X_train.shape[1]), loader, pos_weight)

    net.eval()
    with torch.no_grad():
        p = torch.sigmoid(net(torch.as_tensor(X_test, dtype=torch.float32))).squeeze(1).numpy()

    print(f"placements: train {len(train)}, evaluation {len(test)}; return rate {y_test.mean():.1%}")
    print(f"ROC AUC: {roc_auc_score(y_test, p):.3f}")
    flagged = p >= np.quantile(p, 0.75)
    print(f"returns among top-quartile placements: {y_test[flagged].mean():.1%}")
    print(f"returns among the rest: {y_test[~flagged].mean():.1%}")


if __name__ == "__main__":
    main()
