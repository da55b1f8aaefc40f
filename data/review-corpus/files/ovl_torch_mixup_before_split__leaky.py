# label: leakage/overlap
# twin: ovl_torch_mixup_before_split__fixed.py
# source: hand-written for ai-ci held-out v3 (Apache-2.0)
import numpy as np
import torch
import torch.nn.functional as F
from torch import nn
from torch.utils.data import DataLoader, TensorDataset, random_split

torch.manual_seed(0)
X = torch.tensor(np.load("raman_spectra.npy"), dtype=torch.float32)  # (n, 256)
y = torch.tensor(np.load("raman_labels.npy"), dtype=torch.long)
n_classes = int(y.max()) + 1


def mixup(x, labels, n_new, alpha=0.4):
    """New samples as convex combinations of random pairs, with soft labels."""
    a = torch.randint(len(x), (n_new,))
    b = torch.randint(len(x), (n_new,))
    lam = torch.distributions.Beta(alpha, alpha).sample((n_new, 1))
    soft = lam * F.one_hot(labels[a], n_classes) + (1 - lam) * F.one_hot(labels[b], n_classes)
    return lam * x[a] + (1 - lam) * x[b], soft


# only a few hundred spectra: enlarge the data set with mixed samples
x_mix, y_mix = mixup(X, y, n_new=2 * len(X))
x_all = torch.cat([X, x_mix])
y_all = torch.cat([F.one_hot(y, n_classes).float(), y_mix])
train_set, test_set = random_split(
    TensorDataset(x_all, y_all), [0.8, 0.2], generator=torch.Generator().manual_seed(0)
)

model = nn.Sequential(nn.Linear(256, 128), nn.ReLU(), nn.Dropout(0.2), nn.Linear(128, n_classes))
optimizer = torch.optim.AdamW(model.parameters(), lr=1e-3)
for epoch in range(30):
    model.train()
    for xb, yb in DataLoader(train_set, batch_size=64, shuffle=True):
        optimizer.zero_grad()
        loss = F.cross_entropy(model(xb), yb)
        loss.backward()
        optimizer.step()

model.eval()
with torch.no_grad():
    xt, yt = next(iter(DataLoader(test_set, batch_size=len(test_set))))
    accuracy = (model(xt).argmax(1) == yt.argmax(1)).float().mean().item()
print(f"test accuracy {accuracy:.3f}")
