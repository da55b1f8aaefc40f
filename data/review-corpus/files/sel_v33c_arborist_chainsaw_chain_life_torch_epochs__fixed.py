# label: leakage/none
import copy

import numpy as np
import pandas as pd
import torch
from sklearn.compose import ColumnTransformer
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import OneHotEncoder, StandardScaler
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

NUMERIC = ["bar_length_cm", "chain_gauge_mm", "wood_moisture_pct", "log_diameter_cm",
           "operator_years", "ambient_temp_c", "bar_oil_ml_per_hr"]
CATEGORICAL = ["saw_model", "chain_profile", "species", "site_ground"]
TARGET = "cutting_hours_to_resharpen"

torch.manual_seed(5)
np.random.seed(5)


class ChainLifeNet(nn.Module):
    def __init__(self, n_in):
        super().__init__()
        self.body = nn.Sequential(
            nn.Linear(n_in, 64), nn.ReLU(), nn.Dropout(0.1),
            nn.Linear(64, 32), nn.ReLU(),
            nn.Linear(32, 1),
        )

    def forward(self, x):
        return self.body(x).squeeze(-1)


def to_loader(X, y, shuffle, batch_size=64):
    ds = TensorDataset(torch.tensor(X, dtype=torch.float32),
                       torch.tensor(y, dtype=torch.float32))
    return DataLoader(ds, batch_size=batch_size, shuffle=shuffle)


def mean_abs_error(model, loader):
    model.eval()
    errs = []
    with torch.no_grad():
        for xb, yb in loader:
            errs.append((model(xb) - yb).abs())
    return torch.cat(errs).mean().item()


def main():
    df = pd.read_csv("logs/chain_service_records.csv")
    df = df[df[TARGET].between(0.5, 40)].dropna(subset=NUMERIC + CATEGORICAL)

    train_df, test_df = train_test_split(df, test_size=0.2, random_state=5)
    fit_df, val_df = train_test_split(train_df, test_size=0.2, random_state=5)

    prep = ColumnTransformer([
        ("num", StandardScaler(), NUMERIC),
        ("cat", OneHotEncoder(handle_unknown="ignore", sparse_output=False), CATEGORICAL),
    ])
    X_train = prep.fit_transform(fit_df)
    X_val = prep.transform(val_df)
    X_test = prep.transform(test_df)
    y_train = fit_df[TARGET].to_numpy()
    y_val = val_df[TARGET].to_numpy()
    y_test = test_df[TARGET].to_numpy()

    train_loader = to_loader(X_train, y_train, shuffle=True)
    val_loader = to_loader(X_val, y_val, shuffle=False)
    test_loader = to_loader(X_test, y_test, shuffle=False)

    model = ChainLifeNet(X_train.shape[1])
    opt = torch.optim.AdamW(model.parameters(), lr=2e-3, weight_decay=1e-4)
    loss_fn = nn.HuberLoss(delta=2.0)

    best_mae, best_epoch, best_state = float("inf"), -1, None
    for epoch in range(1, 201):
        model.train()
        for xb, yb in train_loader:
            opt.zero_grad()
            loss = loss_fn(model(xb), yb)
            loss.backward()
            opt.step()

        mae = mean_abs_error(model, val_loader)
        if mae < best_mae:
            best_mae, best_epoch = mae, epoch
            best_state = copy.deepcopy(model.state_dict())
        if epoch % 20 == 0:
            print(f"epoch {epoch:3d}  mae {mae:.2f} h")

    model.load_state_dict(best_state)
    print(f"Best epoch: {best_epoch}")
    test_mae = mean_abs_error(model, test_loader)
    print(f"Test MAE: {test_mae:.2f} cutting hours")
    baseline = np.abs(y_test - np.median(y_train)).mean()
    print(f"Median baseline MAE: {baseline:.2f} cutting hours")
    torch.save(model.state_dict(), "chain_life_net.pt")


if __name__ == "__main__":
    main()
