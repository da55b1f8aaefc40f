# label: leakage/none
"""Day-case cataract lists: same-day cancellation risk per booked patient.

Scored the afternoon before the list, when the pre-op nurse phones round.
Bookings come from the theatre scheduling system, list details from the theatre
manager's weekly export.
"""
import numpy as np
import pandas as pd
import torch
from sklearn.metrics import average_precision_score, roc_auc_score
from torch import nn

torch.manual_seed(7)

bookings = pd.read_csv("data/cataract_bookings.csv",
                       parse_dates=["booked_on", "list_date", "preop_assessed_on"])
lists = pd.read_csv("data/theatre_list_summary.csv", parse_dates=["list_date"])

df = bookings.merge(
    lists[["list_id", "surgeon_grade", "session", "booked_cases"]],
    on="list_id", how="left",
)
df["cancelled_on_day"] = (df["outcome"] == "cancelled_on_day").astype(int)
df = df[df["outcome"].isin(["operated", "cancelled_on_day"])].copy()

df["lead_days"] = (df["list_date"] - df["booked_on"]).dt.days
df["days_since_preop"] = (df["list_date"] - df["preop_assessed_on"]).dt.days
df["pm_session"] = (df["session"] == "PM").astype(int)
df["consultant_list"] = (df["surgeon_grade"] == "consultant").astype(int)
df["monday"] = (df["list_date"].dt.dayofweek == 0).astype(int)
df["second_eye"] = (df["eye_sequence"] == 2).astype(int)

num_cols = ["age", "lead_days", "days_since_preop", "distance_km", "asa_grade",
            "previous_dna_count", "previous_cancellations", "booked_cases"]
flag_cols = ["pm_session", "consultant_list", "monday", "second_eye", "on_anticoagulant",
             "diabetic", "hospital_transport", "needs_interpreter", "lives_alone"]
features = num_cols + flag_cols

train = df[df["list_date"] < "2024-03-01"]
test = df[df["list_date"] >= "2024-03-01"]

mu = train[num_cols].mean()
sd = train[num_cols].std().replace(0, 1)


def to_tensor(frame):
    num = ((frame[num_cols] - mu) / sd).fillna(0.0)
    x = pd.concat([num, frame[flag_cols].fillna(0).astype(float)], axis=1)
    return torch.tensor(x.to_numpy(), dtype=torch.float32)


X_tr, X_te = to_tensor(train), to_tensor(test)
y_tr = torch.tensor(train["cancelled_on_day"].to_numpy(), dtype=torch.float32)
y_te = test["cancelled_on_day"].to_numpy()

net = nn.Sequential(
    nn.Linear(len(features), 48), nn.ReLU(), nn.Dropout(0.2),
    nn.Linear(48, 16), nn.ReLU(),
    nn.Linear(16, 1),
)
pos_weight = ((1 - y_tr.mean()) / y_tr.mean()).reshape(1)
loss_fn = nn.BCEWithLogitsLoss(pos_weight=pos_weight)
opt = torch.optim.Adam(net.parameters(), lr=2e-3, weight_decay=1e-4)

loader = torch.utils.data.DataLoader(
    torch.utils.data.TensorDataset(X_tr, y_tr), batch_size=256, shuffle=True
)
for epoch in range(40):
    net.train()
    total = 0.0
    for xb, yb in loader:
        opt.zero_grad()
        loss = loss_fn(net(xb).squeeze(1), yb)
        loss.backward()
        opt.step()
        total += loss.item() * len(yb)
    if epoch % 10 == 9:
        print(f"epoch {epoch + 1}: loss {total / len(y_tr):.4f}")

net.eval()
with torch.no_grad():
    p_te = torch.sigmoid(net(X_te).squeeze(1)).numpy()

print(f"same-day cancellation rate (test): {y_te.mean():.3f}")
print(f"AUC {roc_auc_score(y_te, p_te):.3f}   AP {average_precision_score(y_te, p_te):.3f}")

# nurse phones the 5 highest-risk patients per list
out = test[["list_id"]].assign(risk=p_te, y=y_te)
out["rank_in_list"] = out.groupby("list_id")["risk"].rank(ascending=False, method="first")
phoned = out[out["rank_in_list"] <= 5]
print(f"cancellations among phoned patients: {phoned['y'].sum()} / {out['y'].sum()}")
