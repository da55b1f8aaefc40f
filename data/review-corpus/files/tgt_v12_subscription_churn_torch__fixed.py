# label: leakage/none
# twin: tgt_v12_subscription_churn_torch__leaky.py
# source: hand-written for ai-ci held-out v12 (Apache-2.0)
import numpy as np
import pandas as pd
import torch
from torch import nn
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

subs = pd.read_csv("data/subscriptions_snapshot.csv")
cols = [
    "tenure_months", "monthly_fee", "logins_30d", "support_tickets_90d",
    "discount_pct", "payment_failures_6m", "seats",
]
X = subs[cols].astype("float32").to_numpy()
y = subs["churned_next_month"].astype("float32").to_numpy()

X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.2, stratify=y, random_state=0)
scaler = StandardScaler().fit(X_tr)
X_tr, X_te = scaler.transform(X_tr), scaler.transform(X_te)


class ChurnMLP(nn.Module):
    def __init__(self, d_in):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(d_in, 64), nn.ReLU(), nn.Dropout(0.2), nn.Linear(64, 1))

    def forward(self, x):
        return self.net(x).squeeze(-1)


torch.manual_seed(0)
model = ChurnMLP(X_tr.shape[1])
opt = torch.optim.AdamW(model.parameters(), lr=1e-3, weight_decay=1e-4)
loss_fn = nn.BCEWithLogitsLoss()
xt, yt = torch.from_numpy(X_tr.astype(np.float32)), torch.from_numpy(y_tr)
for epoch in range(40):
    for idx in torch.randperm(len(xt)).split(256):
        opt.zero_grad()
        loss_fn(model(xt[idx]), yt[idx]).backward()
        opt.step()

model.eval()
with torch.no_grad():
    scores = torch.sigmoid(model(torch.from_numpy(X_te.astype(np.float32)))).numpy()
print("test AUC:", roc_auc_score(y_te, scores))
