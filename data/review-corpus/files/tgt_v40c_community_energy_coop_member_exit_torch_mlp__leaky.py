# label: leakage/target
"""Member exit model for a community energy co-operative.

Snapshot of the member register at the 2022 year end; a member "exits" if
their whole shareholding is withdrawn or transferred during 2023.
"""
import numpy as np
import pandas as pd
import torch
from torch import nn
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

SNAPSHOT = pd.Timestamp("2022-12-31")
REGIONS = ["north", "south", "east", "west", "outside_area"]


def member_table():
    register = pd.read_csv("data/member_register_2022.csv", parse_dates=["joined_on"])
    ledger = pd.read_csv("data/share_ledger.csv", parse_dates=["posted_on"])
    exits = pd.read_csv("data/member_exits_2023.csv")

    wd = ledger[(ledger["kind"] == "withdrawal") & (ledger["posted_on"] > SNAPSHOT)]
    wd = wd.groupby("member_id")["amount_gbp"].sum().rename("withdrawn_gbp")

    df = register.merge(wd, on="member_id", how="left")
    df["withdrawn_gbp"] = df["withdrawn_gbp"].fillna(0.0)
    df["exited"] = df["member_id"].isin(exits["member_id"]).astype(np.float32)
    df["tenure_years"] = (SNAPSHOT - df["joined_on"]).dt.days / 365.25
    df["log_shares"] = np.log1p(df["share_capital_gbp"])
    df["log_withdrawn"] = np.log1p(df["withdrawn_gbp"])
    for r in REGIONS:
        df[f"region_{r}"] = (df["region"] == r).astype(float)
    return df


FEATURES = [
    "tenure_years", "log_shares", "log_withdrawn", "interest_reinvested",
    "attended_agm_2022", "voted_2022", "newsletter_open_rate", "age_band_num",
    "has_solar_at_home", "share_offer_round", "complaints_2022",
] + [f"region_{r}" for r in REGIONS]


class ExitMLP(nn.Module):
    def __init__(self, n_in):
        super().__init__()
        self.net = nn.Sequential(
            nn.Linear(n_in, 32), nn.ReLU(), nn.Dropout(0.2),
            nn.Linear(32, 16), nn.ReLU(),
            nn.Linear(16, 1),
        )

    def forward(self, x):
        return self.net(x).squeeze(-1)


df = member_table()
train, test = train_test_split(df, test_size=0.25, stratify=df["exited"], random_state=9)

scaler = StandardScaler().fit(train[FEATURES])
X_tr = torch.tensor(scaler.transform(train[FEATURES]), dtype=torch.float32)
X_te = torch.tensor(scaler.transform(test[FEATURES]), dtype=torch.float32)
y_tr = torch.tensor(train["exited"].to_numpy())
y_te = test["exited"].to_numpy()

torch.manual_seed(0)
model = ExitMLP(X_tr.shape[1])
pos_weight = torch.tensor((1 - y_tr.mean()) / y_tr.mean())
loss_fn = nn.BCEWithLogitsLoss(pos_weight=pos_weight)
opt = torch.optim.Adam(model.parameters(), lr=3e-3, weight_decay=1e-4)

for epoch in range(150):
    model.train()
    perm = torch.randperm(len(X_tr))
    for i in range(0, len(perm), 256):
        idx = perm[i:i + 256]
        opt.zero_grad()
        loss = loss_fn(model(X_tr[idx]), y_tr[idx])
        loss.backward()
        opt.step()

model.eval()
with torch.no_grad():
    p = torch.sigmoid(model(X_te)).numpy()

print(f"members train/test: {len(train)}/{len(test)}, exit rate {y_te.mean():.2%}")
print(f"ROC AUC: {roc_auc_score(y_te, p):.3f}")
print(f"PR AUC:  {average_precision_score(y_te, p):.3f}")
top = np.argsort(-p)[:100]
print(f"exits among 100 highest-scored members: {int(y_te[top].sum())}")
