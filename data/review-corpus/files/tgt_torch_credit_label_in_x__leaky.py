# label: leakage/target
# twin: tgt_torch_credit_label_in_x__fixed.py
# source: hand-written for ai-ci held-out v3 (Apache-2.0)
import pandas as pd
import torch
from torch import nn
from torch.utils.data import DataLoader, Dataset

torch.manual_seed(0)
LABEL = "default_next_month"


class CreditDataset(Dataset):
    def __init__(self, frame):
        self.x = torch.tensor(frame.drop(columns=["ID"]).to_numpy(), dtype=torch.float32)
        self.y = torch.tensor(frame[LABEL].to_numpy(), dtype=torch.float32)

    def __len__(self):
        return len(self.y)

    def __getitem__(self, i):
        return self.x[i], self.y[i]


train_set = CreditDataset(pd.read_csv("credit_default_train.csv"))
test_set = CreditDataset(pd.read_csv("credit_default_test.csv"))
train_loader = DataLoader(train_set, batch_size=256, shuffle=True)
test_loader = DataLoader(test_set, batch_size=1024)

model = nn.Sequential(nn.Linear(train_set.x.shape[1], 64), nn.ReLU(), nn.Linear(64, 1))
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
loss_fn = nn.BCEWithLogitsLoss()
for epoch in range(15):
    model.train()
    for xb, yb in train_loader:
        optimizer.zero_grad()
        loss_fn(model(xb).squeeze(1), yb).backward()
        optimizer.step()

model.eval()
with torch.no_grad():
    hits = sum(((model(xb).squeeze(1) > 0).float() == yb).sum().item() for xb, yb in test_loader)
print(f"test accuracy {hits / len(test_set):.3f}")
