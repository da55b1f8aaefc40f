# label: leakage/none
# twin: ovl_r17a_sign_language_keypoint_mirror_augment__leaky.py
# source: hand-written for ai-ci, round 17 tuning probes (Apache-2.0)
# Isolated sign recognition from hand/pose keypoints (MediaPipe landmarks, 32 frames per clip).
# Copyright 2024. Licensed under the Apache License, Version 2.0.
import numpy as np
import torch
import torch.nn as nn
from torch.utils.data import TensorDataset, DataLoader, random_split
import matplotlib.pyplot as plt

CFG = dict(
    npz="signs/keypoints_32f.npz",
    n_jitter_copies=2,
    jitter_sigma=0.01,
    batch_size=64,
    epochs=40,
    lr=2e-3,
    hidden=128,
    seed=0,
)
torch.manual_seed(CFG["seed"])
rng = np.random.default_rng(CFG["seed"])
device = "cuda" if torch.cuda.is_available() else "cpu"


def normalise_clip(clip):
    # clip: (frames, landmarks, 2); centre on landmark 0 of frame 0, scale by the 11-12 distance
    centre = clip[0, 0]
    width = np.linalg.norm(clip[0, 11] - clip[0, 12]) + 1e-6
    return (clip - centre) / width


def mirror(clip):
    out = clip.copy()
    out[..., 0] = -out[..., 0]
    return out


def augment(X, y, n_copies, sigma):
    xs, ys = [X, np.stack([mirror(c) for c in X])], [y, y]
    for _ in range(n_copies):
        xs.append(X + rng.normal(0.0, sigma, size=X.shape).astype(np.float32))
        ys.append(y)
    return np.concatenate(xs), np.concatenate(ys)


class SignGRU(nn.Module):
    def __init__(self, n_in, hidden, n_classes):
        super().__init__()
        self.gru = nn.GRU(n_in, hidden, num_layers=2, batch_first=True, dropout=0.2, bidirectional=True)
        self.head = nn.Sequential(nn.LayerNorm(2 * hidden), nn.Linear(2 * hidden, n_classes))

    def forward(self, x):
        b, t = x.shape[:2]
        out, _ = self.gru(x.reshape(b, t, -1))
        return self.head(out.mean(dim=1))


data = np.load(CFG["npz"])
X_raw = np.stack([normalise_clip(c) for c in data["keypoints"]]).astype(np.float32)
y_raw = data["labels"].astype(np.int64)
n_classes = int(y_raw.max()) + 1
print("clips:", X_raw.shape, "classes:", n_classes)

n_test = int(0.2 * len(X_raw))
train_sub, test_sub = random_split(
    range(len(X_raw)), [len(X_raw) - n_test, n_test], generator=torch.Generator().manual_seed(CFG["seed"])
)
tr_idx, te_idx = np.array(train_sub.indices), np.array(test_sub.indices)
X_tr, y_tr = augment(X_raw[tr_idx], y_raw[tr_idx], CFG["n_jitter_copies"], CFG["jitter_sigma"])
train_ds = TensorDataset(torch.from_numpy(X_tr), torch.from_numpy(y_tr))
test_ds = TensorDataset(torch.from_numpy(X_raw[te_idx]), torch.from_numpy(y_raw[te_idx]))
train_dl = DataLoader(train_ds, batch_size=CFG["batch_size"], shuffle=True)
test_dl = DataLoader(test_ds, batch_size=256)

model = SignGRU(X_raw.shape[2] * X_raw.shape[3], CFG["hidden"], n_classes).to(device)
opt = torch.optim.AdamW(model.parameters(), lr=CFG["lr"], weight_decay=1e-4)
sched = torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=CFG["epochs"])
loss_fn = nn.CrossEntropyLoss(label_smoothing=0.1)

history = []
for epoch in range(CFG["epochs"]):
    model.train()
    total = 0.0
    for xb, yb in train_dl:
        xb, yb = xb.to(device), yb.to(device)
        opt.zero_grad()
        loss = loss_fn(model(xb), yb)
        loss.backward()
        nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        total += loss.item() * len(xb)
    sched.step()
    history.append(total / len(train_ds))
    if epoch % 5 == 0:
        print(f"epoch {epoch:3d}  train loss {history[-1]:.4f}")

model.eval()
correct, top5, seen = 0, 0, 0
with torch.no_grad():
    for xb, yb in test_dl:
        logits = model(xb.to(device)).cpu()
        correct += (logits.argmax(1) == yb).sum().item()
        top5 += (logits.topk(5, dim=1).indices == yb[:, None]).any(1).sum().item()
        seen += len(yb)
print(f"test top-1 {correct / seen:.3f}   top-5 {top5 / seen:.3f}")

plt.plot(history)
plt.xlabel("epoch")
plt.ylabel("train loss")
plt.savefig("sign_gru_loss.png")
