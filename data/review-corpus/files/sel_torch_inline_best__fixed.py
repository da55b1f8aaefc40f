# label: leakage/none
# twin: sel_torch_inline_best__leaky.py
# source: hand-written for ai-ci, tuning part (Apache-2.0)
import numpy as np
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset
from sklearn.model_selection import train_test_split

X = np.load("spectra.npy").astype(np.float32)
y = np.load("classes.npy").astype(np.int64)
X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.2, random_state=0)
X_tr, X_va, y_tr, y_va = train_test_split(X_tr, y_tr, test_size=0.2, random_state=0)
train_dl = DataLoader(TensorDataset(torch.from_numpy(X_tr), torch.from_numpy(y_tr)), batch_size=64, shuffle=True)
val_dl = DataLoader(TensorDataset(torch.from_numpy(X_va), torch.from_numpy(y_va)), batch_size=256)
test_dl = DataLoader(TensorDataset(torch.from_numpy(X_te), torch.from_numpy(y_te)), batch_size=256)

torch.manual_seed(0)
clf = nn.Sequential(nn.Linear(X.shape[1], 128), nn.ReLU(), nn.Linear(128, 5))
opt = torch.optim.SGD(clf.parameters(), lr=0.05, momentum=0.9)
criterion = nn.CrossEntropyLoss()
max_acc = 0.0
for epoch in range(40):
    clf.train()
    for xb, yb in train_dl:
        opt.zero_grad()
        criterion(clf(xb), yb).backward()
        opt.step()
    clf.eval()
    hits = 0
    with torch.no_grad():
        for xb, yb in val_dl:
            hits += (clf(xb).argmax(dim=1) == yb).sum().item()
    acc = hits / len(val_dl.dataset)
    if acc > max_acc:
        max_acc = acc
        torch.save(clf.state_dict(), "clf.pt")
clf.load_state_dict(torch.load("clf.pt"))
hits = 0
with torch.no_grad():
    for xb, yb in test_dl:
        hits += (clf(xb).argmax(dim=1) == yb).sum().item()
print("accuracy", hits / len(test_dl.dataset))
