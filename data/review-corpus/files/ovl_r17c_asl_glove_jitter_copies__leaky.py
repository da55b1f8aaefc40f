# label: leakage/overlap
# twin: ovl_r17c_asl_glove_jitter_copies__fixed.py
# source: hand-written for ai-ci, round 17 tuning probes (Apache-2.0)
"""Per-wearer calibration: fingerspelling classifier for the sensor glove (5 flex + 6 IMU channels)."""
import numpy as np
import torch
import torch.nn as nn
from torch.utils.data import TensorDataset, DataLoader, random_split

CONF = {
    "npz": "calibration/wearer_0192_session.npz",
    "copies": 4,
    "jitter_sd": 0.03,
    "scale_sd": 0.08,
    "batch": 64,
    "epochs": 40,
    "lr": 2e-3,
    "seed": 192,
}
torch.manual_seed(CONF["seed"])
rng = np.random.default_rng(CONF["seed"])


def load_session(path):
    z = np.load(path)
    x = z["windows"].astype(np.float32)          # (n, 120, 11)
    y = z["letter_idx"].astype(np.int64)         # (n,)
    mu = x.mean(axis=(1,), keepdims=True)
    return x - mu, y


def jitter_copies(x, y, copies, jitter_sd, scale_sd):
    xs, ys = [x], [y]
    for _ in range(copies):
        scale = rng.normal(1.0, scale_sd, size=(x.shape[0], 1, x.shape[2])).astype(np.float32)
        noise = rng.normal(0.0, jitter_sd, size=x.shape).astype(np.float32)
        xs.append(x * scale + noise)
        ys.append(y)
    return np.concatenate(xs), np.concatenate(ys)


class GloveCNN(nn.Module):
    def __init__(self, n_ch=11, n_cls=26):
        super().__init__()
        self.body = nn.Sequential(
            nn.Conv1d(n_ch, 32, 5, padding=2), nn.BatchNorm1d(32), nn.ReLU(),
            nn.Conv1d(32, 64, 5, padding=2), nn.BatchNorm1d(64), nn.ReLU(), nn.MaxPool1d(2),
            nn.Conv1d(64, 64, 3, padding=1), nn.BatchNorm1d(64), nn.ReLU(),
            nn.AdaptiveAvgPool1d(1),
        )
        self.head = nn.Linear(64, n_cls)

    def forward(self, x):                       # x: (b, t, c)
        return self.head(self.body(x.transpose(1, 2)).squeeze(-1))


def accuracy(model, loader):
    model.eval()
    hit = tot = 0
    with torch.no_grad():
        for xb, yb in loader:
            hit += (model(xb).argmax(1) == yb).sum().item()
            tot += len(yb)
    return hit / tot


x, y = load_session(CONF["npz"])
print("recordings:", x.shape, "letters:", np.bincount(y, minlength=26))

xa, ya = jitter_copies(x, y, CONF["copies"], CONF["jitter_sd"], CONF["scale_sd"])
full = TensorDataset(torch.from_numpy(xa), torch.from_numpy(ya))
n_test = int(0.2 * len(full))
train_ds, test_ds = random_split(full, [len(full) - n_test, n_test],
                                 generator=torch.Generator().manual_seed(CONF["seed"]))

train_dl = DataLoader(train_ds, batch_size=CONF["batch"], shuffle=True)
test_dl = DataLoader(test_ds, batch_size=256)

model = GloveCNN()
opt = torch.optim.AdamW(model.parameters(), lr=CONF["lr"], weight_decay=1e-4)
sched = torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=CONF["epochs"])
loss_fn = nn.CrossEntropyLoss(label_smoothing=0.05)

for epoch in range(CONF["epochs"]):
    model.train()
    running = 0.0
    for xb, yb in train_dl:
        opt.zero_grad()
        loss = loss_fn(model(xb), yb)
        loss.backward()
        opt.step()
        running += loss.item() * len(yb)
    sched.step()
    if epoch % 10 == 9:
        print(f"epoch {epoch + 1:3d}  train loss {running / len(train_ds):.4f}")

print(f"held-out accuracy: {accuracy(model, test_dl):.4f}")
torch.save(model.state_dict(), "glove_wearer_0192.pt")
