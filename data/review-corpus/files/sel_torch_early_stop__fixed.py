# label: leakage/none
# twin: sel_torch_early_stop__leaky.py
# source: hand-written for ai-ci held-out v2 (Apache-2.0)
import numpy as np
import pandas as pd
import torch
import torch.nn as nn
from sklearn.model_selection import train_test_split
from torch.utils.data import DataLoader, TensorDataset

frame = pd.read_parquet("sensors.parquet")
features = frame.drop(columns=["failure"]).to_numpy(dtype=np.float32)
labels = frame["failure"].to_numpy(dtype=np.float32)

x_tr, x_te, y_tr, y_te = train_test_split(features, labels, test_size=0.25, stratify=labels, random_state=7)
x_tr, x_va, y_tr, y_va = train_test_split(x_tr, y_tr, test_size=0.2, stratify=y_tr, random_state=7)
train_loader = DataLoader(TensorDataset(torch.from_numpy(x_tr), torch.from_numpy(y_tr)), batch_size=128, shuffle=True)
val_loader = DataLoader(TensorDataset(torch.from_numpy(x_va), torch.from_numpy(y_va)), batch_size=512)
test_loader = DataLoader(TensorDataset(torch.from_numpy(x_te), torch.from_numpy(y_te)), batch_size=512)

net = nn.Sequential(nn.Linear(x_tr.shape[1], 64), nn.ReLU(), nn.Linear(64, 1))
opt = torch.optim.Adam(net.parameters(), lr=3e-4)
criterion = nn.BCEWithLogitsLoss()


def run_epoch(loader, train):
    net.train(train)
    total = 0.0
    with torch.set_grad_enabled(train):
        for xb, yb in loader:
            loss = criterion(net(xb).squeeze(1), yb)
            if train:
                opt.zero_grad()
                loss.backward()
                opt.step()
            total += loss.item() * len(xb)
    return total / len(loader.dataset)


best, patience, bad_epochs = float("inf"), 5, 0
for epoch in range(200):
    run_epoch(train_loader, train=True)
    val_loss = run_epoch(val_loader, train=False)
    if val_loss < best - 1e-4:
        best, bad_epochs = val_loss, 0
        torch.save(net.state_dict(), "best.pt")
    else:
        bad_epochs += 1
        if bad_epochs >= patience:
            print(f"early stop at epoch {epoch}")
            break

net.load_state_dict(torch.load("best.pt"))
print("final test loss", run_epoch(test_loader, train=False))
