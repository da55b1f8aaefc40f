# label: leakage/target
"""Admission prediction at ED triage (flow board early warning).

Extract from the ED information system, 2023 attendances; `admitted` is 1 when
the attendance ended in an inpatient admission.
"""
import numpy as np
import pandas as pd
import torch
from torch import nn
from sklearn.metrics import average_precision_score, roc_auc_score

torch.manual_seed(42)

ed = pd.read_parquet("edis/attendances_2023.parquet")
ed = ed[ed["age"].between(16, 105) & ed["admitted"].notna()].copy()
ed["arrival_hour"] = ed["arrival_time"].dt.hour
ed["ambulance"] = (ed["arrival_mode"] == "ambulance").astype(float)
ed["male"] = (ed["sex"] == "M").astype(float)

NUMERIC = [
    "age", "triage_category", "heart_rate", "resp_rate", "systolic_bp", "spo2",
    "temp_c", "gcs", "pain_score", "news2", "attendances_12m", "admissions_12m",
    "arrival_hour", "ambulance", "male", "ed_los_min", "specialty_referrals",
]
COMPLAINT = "presenting_complaint_group"

train = ed[ed["arrival_time"] < "2023-10-01"]
test = ed[ed["arrival_time"] >= "2023-10-01"]

groups = sorted(train[COMPLAINT].dropna().unique())
med = train[NUMERIC].median()
mu = train[NUMERIC].fillna(med).mean()
sd = train[NUMERIC].fillna(med).std().replace(0, 1)


def design(df):
    num = (df[NUMERIC].fillna(med) - mu) / sd
    comp = pd.get_dummies(pd.Categorical(df[COMPLAINT], categories=groups), dtype=float)
    x = np.hstack([num.to_numpy(np.float32), comp.to_numpy(np.float32)])
    return torch.from_numpy(x), torch.from_numpy(df["admitted"].to_numpy(np.float32))


X_train, y_train = design(train)
X_test, y_test = design(test)

net = nn.Sequential(
    nn.Linear(X_train.shape[1], 128), nn.ReLU(), nn.BatchNorm1d(128), nn.Dropout(0.25),
    nn.Linear(128, 64), nn.ReLU(), nn.Dropout(0.25),
    nn.Linear(64, 1),
)
pos_weight = (1 - y_train.mean()) / y_train.mean()
loss_fn = nn.BCEWithLogitsLoss(pos_weight=pos_weight)
opt = torch.optim.Adam(net.parameters(), lr=1e-3, weight_decay=1e-5)
sched = torch.optim.lr_scheduler.StepLR(opt, step_size=8, gamma=0.5)

n = len(X_train)
for epoch in range(20):
    net.train()
    perm = torch.randperm(n)
    running = 0.0
    for i in range(0, n, 512):
        idx = perm[i:i + 512]
        opt.zero_grad()
        loss = loss_fn(net(X_train[idx]).squeeze(1), y_train[idx])
        loss.backward()
        opt.step()
        running += loss.item() * len(idx)
    sched.step()
    if epoch % 5 == 4:
        print(f"epoch {epoch + 1:>2}  loss {running / n:.4f}")

net.eval()
with torch.no_grad():
    p = torch.sigmoid(net(X_test).squeeze(1)).numpy()
y = y_test.numpy()

print(f"Q4 attendances {len(y)}, admitted {y.mean():.3f}")
print(f"AUROC {roc_auc_score(y, p):.3f}  AUPRC {average_precision_score(y, p):.3f}")

by_triage = (
    test.assign(p=p)
    .groupby("triage_category")
    .apply(lambda g: pd.Series({"n": len(g), "admit_rate": g["admitted"].mean(), "mean_p": g["p"].mean()}))
)
print(by_triage.round(3))
torch.save({"state": net.state_dict(), "median": med, "mean": mu, "std": sd, "groups": groups},
           "models/ed_admit_mlp.pt")
