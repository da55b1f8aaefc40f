# label: leakage/none
"""Predict whether a lot at a regional fine-art auction sells, from catalogue information, with a small MLP."""
import numpy as np
import pandas as pd
import torch
from torch import nn
from sklearn.metrics import roc_auc_score, accuracy_score

torch.manual_seed(42)
lots = pd.read_csv("auction_lots.csv", parse_dates=["sale_date"])

lots["log_low_est"] = np.log1p(lots["estimate_low_gbp"])
lots["est_spread"] = lots["estimate_high_gbp"] / lots["estimate_low_gbp"].clip(lower=1) - 1
lots["artist_sell_rate"] = lots["artist_prior_sold"] / lots["artist_prior_lots"].clip(lower=1)
lots["lot_position"] = lots["lot_number"] / lots.groupby("sale_id")["lot_number"].transform("max")
lots["signed"] = lots["signed"].fillna(0)
NUM = ["log_low_est", "est_spread", "artist_sell_rate", "artist_prior_lots",
       "lot_position", "condition_score", "height_cm", "width_cm", "signed", "year_made"]
CAT = ["medium", "genre", "sale_type", "auction_house"]
lots = lots.dropna(subset=NUM + ["sold"])

lots = lots.sort_values("sale_date")
cut = lots["sale_date"].iloc[int(len(lots) * 0.8)]
train, test = lots[lots["sale_date"] < cut], lots[lots["sale_date"] >= cut]


def design(frame, ref):
    num = (frame[NUM] - ref[NUM].mean()) / ref[NUM].std().replace(0, 1)
    cats = [pd.get_dummies(frame[c].astype(pd.CategoricalDtype(sorted(ref[c].dropna().unique()))),
                           prefix=c) for c in CAT]
    X = pd.concat([num] + cats, axis=1).astype("float32").to_numpy()
    return torch.from_numpy(X), torch.tensor(frame["sold"].to_numpy(), dtype=torch.float32)


X_train, y_train = design(train, train)
X_test, y_test = design(test, train)

net = nn.Sequential(nn.Linear(X_train.shape[1], 48), nn.ReLU(), nn.Dropout(0.1),
                    nn.Linear(48, 16), nn.ReLU(), nn.Linear(16, 1))
opt = torch.optim.Adam(net.parameters(), lr=1e-3)
loss_fn = nn.BCEWithLogitsLoss()

for epoch in range(40):
    net.train()
    perm = torch.randperm(len(X_train))
    for i in range(0, len(perm), 128):
        idx = perm[i:i + 128]
        opt.zero_grad()
        loss = loss_fn(net(X_train[idx]).squeeze(1), y_train[idx])
        loss.backward()
        opt.step()

net.eval()
with torch.no_grad():
    proba = torch.sigmoid(net(X_test).squeeze(1)).numpy()
print(f"lots: train {len(train)}, test {len(test)}; sell-through {train['sold'].mean():.1%}")
print(f"test ROC AUC  {roc_auc_score(y_test.numpy(), proba):.3f}")
print(f"test accuracy {accuracy_score(y_test.numpy(), proba >= 0.5):.3f}")
by_house = test.assign(p=proba).groupby("auction_house")[["sold", "p"]].mean()
print(by_house.round(3))
