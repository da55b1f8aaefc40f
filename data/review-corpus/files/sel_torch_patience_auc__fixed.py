# label: leakage/none
# twin: sel_torch_patience_auc__leaky.py
# source: hand-written for ai-ci, tuning part (Apache-2.0)
import numpy as np
import pandas as pd
import torch
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import train_test_split
from torch.utils.data import DataLoader, TensorDataset


class Net(torch.nn.Module):
    def __init__(self, d):
        super().__init__()
        self.body = torch.nn.Sequential(torch.nn.Linear(d, 32), torch.nn.ReLU(), torch.nn.Linear(32, 1))

    def forward(self, x):
        return self.body(x).squeeze(-1)


def predict_scores(model, loader):
    model.eval()
    ys, ps = [], []
    with torch.no_grad():
        for xb, yb in loader:
            ps.append(torch.sigmoid(model(xb)).numpy())
            ys.append(yb.numpy())
    return roc_auc_score(np.concatenate(ys), np.concatenate(ps))


frame = pd.read_csv("loans.csv")
feats = frame.drop(columns=["default"]).to_numpy(np.float32)
target = frame["default"].to_numpy(np.float32)
a_x, b_x, a_y, b_y = train_test_split(feats, target, test_size=0.3, random_state=1)
a_x, c_x, a_y, c_y = train_test_split(a_x, a_y, test_size=0.2, random_state=1)
stop_loader = DataLoader(TensorDataset(torch.tensor(c_x), torch.tensor(c_y)), batch_size=1024)
fit_loader = DataLoader(TensorDataset(torch.tensor(a_x), torch.tensor(a_y)), batch_size=256, shuffle=True)
holdout_loader = DataLoader(TensorDataset(torch.tensor(b_x), torch.tensor(b_y)), batch_size=1024)

net = Net(feats.shape[1])
optimizer = torch.optim.Adam(net.parameters(), lr=1e-3)
bce = torch.nn.BCEWithLogitsLoss()
best_auc, stale = 0.0, 0
for epoch in range(100):
    net.train()
    for xb, yb in fit_loader:
        optimizer.zero_grad()
        loss = bce(net(xb), yb)
        loss.backward()
        optimizer.step()
    auc = predict_scores(net, stop_loader)
    if auc > best_auc:
        best_auc, stale = auc, 0
    else:
        stale += 1
    if stale == 8:
        break
print("AUC", predict_scores(net, holdout_loader))
