# label: leakage/none
"""Predict which learners drop out of a ten-week evening woodworking course, with a PyTorch logistic-MLP."""
import numpy as np
import pandas as pd
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset
from sklearn.metrics import roc_auc_score

enrol = pd.read_csv("woodwork_enrolments.csv", parse_dates=["enrolled_on", "term_start"])
intake = pd.read_csv("intake_questionnaire.csv")

df = enrol.merge(intake, on="learner_id", how="left")

df["days_before_start"] = (df["term_start"] - df["enrolled_on"]).dt.days.clip(lower=0)
df["distance_km"] = np.log1p(df["distance_km"])
df["owns_tools"] = df["owns_tools"].map({"yes": 1, "no": 0}).fillna(0)
df["paid_full"] = (df["payment_plan"] == "full").astype(int)
df = pd.get_dummies(df, columns=["course_level", "weekday", "prior_experience"], dtype=float)

num_cols = ["age", "distance_km", "days_before_start", "owns_tools", "paid_full",
            "previous_courses"]
dummy_cols = [c for c in df.columns if c.startswith(("course_level_", "weekday_", "prior_experience_"))]
cols = num_cols + dummy_cols
y = df["dropped_out"].to_numpy(dtype=np.float32)

# hold out the two most recent terms
terms = np.sort(df["term_start"].unique())
tr_idx = np.flatnonzero(df["term_start"] < terms[-2])
te_idx = np.flatnonzero(df["term_start"] >= terms[-2])
X = df[cols].to_numpy(dtype=np.float32)
mu = X[tr_idx].mean(axis=0)
sd = X[tr_idx].std(axis=0) + 1e-6
X = (X - mu) / sd

X_tr, y_tr = torch.from_numpy(X[tr_idx]), torch.from_numpy(y[tr_idx])
X_te, y_te = torch.from_numpy(X[te_idx]), y[te_idx]

torch.manual_seed(9)
net = nn.Sequential(nn.Linear(X.shape[1], 24), nn.ReLU(), nn.Dropout(0.2), nn.Linear(24, 1))
pos_weight = torch.tensor([(1 - y[tr_idx].mean()) / y[tr_idx].mean()])
loss_fn = nn.BCEWithLogitsLoss(pos_weight=pos_weight)
opt = torch.optim.Adam(net.parameters(), lr=1e-3, weight_decay=1e-4)
loader = DataLoader(TensorDataset(X_tr, y_tr), batch_size=64, shuffle=True)

for epoch in range(40):
    net.train()
    total = 0.0
    for xb, yb in loader:
        opt.zero_grad()
        loss = loss_fn(net(xb).squeeze(1), yb)
        loss.backward()
        opt.step()
        total += loss.item() * len(xb)
    if epoch % 10 == 9:
        print(f"epoch {epoch + 1}: train loss {total / len(X_tr):.4f}")

net.eval()
with torch.no_grad():
    p = torch.sigmoid(net(X_te).squeeze(1)).numpy()
print(f"held-out AUC: {roc_auc_score(y_te, p):.3f}  (dropout rate {y_te.mean():.2%})")
