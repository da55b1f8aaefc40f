# label: leakage/none
"""Which lacrosse club members will not re-register for next season?

Retention calls go out in July once the season has finished; re-registration closes 1 September.
"""
import numpy as np
import pandas as pd
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset
from sklearn.metrics import roc_auc_score, precision_recall_curve

torch.manual_seed(0)

members = pd.read_csv("data/club/member_seasons.csv",
                      parse_dates=["season_start", "season_end", "renewal_deadline", "joined"])
attendance = pd.read_csv("data/club/session_attendance.csv", parse_dates=["session_date"])
# member_seasons: player_id, season, season_start, season_end, renewal_deadline, re_registered, ...

log = attendance.merge(
    members[["player_id", "season", "season_start", "season_end", "renewal_deadline"]],
    on="player_id",
)
in_window = (log["session_date"] >= log["season_start"]) & (log["session_date"] <= log["season_end"])
log = log[in_window]

att = log.groupby(["player_id", "season"]).agg(
    sessions=("session_id", "nunique"),
    matches=("is_match", "sum"),
    last_session=("session_date", "max"),
).reset_index()

df = members.merge(att, on=["player_id", "season"], how="left")
df[["sessions", "matches"]] = df[["sessions", "matches"]].fillna(0)
df["weeks_since_last"] = ((df["season_end"] - df["last_session"]).dt.days / 7).fillna(52).clip(lower=0)
df["tenure_years"] = (df["season_start"] - df["joined"]).dt.days / 365.25
df["lapsed"] = 1 - df["re_registered"]

FEATURES = ["sessions", "matches", "weeks_since_last", "tenure_years", "age", "fee_paid_gbp",
            "is_junior", "is_goalie", "travel_km", "sibling_in_club", "kit_hire"]

train = df[df["season"] <= 2021]
test = df[df["season"] == 2022]
mu, sd = train[FEATURES].mean(), train[FEATURES].std().replace(0, 1)


def to_tensors(frame):
    x = torch.tensor(((frame[FEATURES] - mu) / sd).to_numpy(), dtype=torch.float32)
    y = torch.tensor(frame["lapsed"].to_numpy(), dtype=torch.float32)
    return x, y


x_train, y_train = to_tensors(train)
x_test, y_test = to_tensors(test)
loader = DataLoader(TensorDataset(x_train, y_train), batch_size=64, shuffle=True)

net = nn.Sequential(
    nn.Linear(len(FEATURES), 32), nn.ReLU(), nn.Dropout(0.1),
    nn.Linear(32, 16), nn.ReLU(),
    nn.Linear(16, 1),
)
pos_weight = torch.tensor((1 - y_train.mean()) / y_train.mean())
loss_fn = nn.BCEWithLogitsLoss(pos_weight=pos_weight)
opt = torch.optim.AdamW(net.parameters(), lr=2e-3, weight_decay=1e-4)

for epoch in range(60):
    net.train()
    total = 0.0
    for xb, yb in loader:
        opt.zero_grad()
        loss = loss_fn(net(xb).squeeze(1), yb)
        loss.backward()
        opt.step()
        total += loss.item() * len(xb)
    if epoch % 10 == 0:
        print(f"epoch {epoch:2d} loss {total / len(x_train):.4f}")

net.eval()
with torch.no_grad():
    p = torch.sigmoid(net(x_test).squeeze(1)).numpy()

print(f"2022 season: {len(test)} members, lapse rate {y_test.mean():.2%}")
print(f"ROC AUC {roc_auc_score(y_test.numpy(), p):.3f}")
prec, rec, thr = precision_recall_curve(y_test.numpy(), p)
i = int(np.argmax(rec < 0.6)) - 1
print(f"at recall {rec[i]:.2f}: precision {prec[i]:.2f}, threshold {thr[i]:.3f}")
