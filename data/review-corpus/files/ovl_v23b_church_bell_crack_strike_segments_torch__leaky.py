# label: leakage/overlap
"""Detect cracked church bells from tower recordings using spectral band energies and a PyTorch classifier."""
import numpy as np
import pandas as pd
import torch
from torch import nn

SR = 16000
SEG = SR  # one-second segments around each strike
N_BANDS = 48

meta = pd.read_csv("bell_recordings.csv")  # recording_id, bell_id, tower_id, cracked, path
meta = meta[meta["usable"] == 1].reset_index(drop=True)


def band_energies(seg):
    spec = np.abs(np.fft.rfft(seg * np.hanning(len(seg)))) ** 2
    edges = np.geomspace(40, SR / 2, N_BANDS + 1)
    freqs = np.fft.rfftfreq(len(seg), 1 / SR)
    bands = [spec[(freqs >= lo) & (freqs < hi)].sum() for lo, hi in zip(edges[:-1], edges[1:])]
    return np.log1p(np.array(bands))


def strike_segments(wave, thresh=0.3):
    env = np.abs(wave)
    onsets = np.flatnonzero((env[1:] > thresh * env.max()) & (env[:-1] <= thresh * env.max()))
    keep, last = [], -SEG
    for o in onsets:
        if o - last >= SEG and o + SEG <= len(wave):
            keep.append(wave[o:o + SEG])
            last = o
    return keep


feats, labels = [], []
for row in meta.itertuples():
    wave = np.load(row.path).astype(np.float32)
    for seg in strike_segments(wave):
        feats.append(band_energies(seg))
        labels.append(row.cracked)
X = np.stack(feats)
y = np.array(labels, dtype=np.float32)
print(X.shape, y.mean())

rng = np.random.default_rng(5)
order = rng.permutation(len(X))
n_test = int(0.25 * len(X))
test_idx, train_idx = order[:n_test], order[n_test:]

mu, sd = X[train_idx].mean(axis=0), X[train_idx].std(axis=0) + 1e-6
Xn = (X - mu) / sd
x_tr, y_tr = torch.tensor(Xn[train_idx]), torch.tensor(y[train_idx])
x_te, y_te = torch.tensor(Xn[test_idx]), torch.tensor(y[test_idx])

model = nn.Sequential(nn.Linear(N_BANDS, 32), nn.GELU(), nn.Dropout(0.2), nn.Linear(32, 1))
opt = torch.optim.Adam(model.parameters(), lr=1e-3)
pos_weight = torch.tensor((1 - y_tr.mean()) / y_tr.mean())
loss_fn = nn.BCEWithLogitsLoss(pos_weight=pos_weight)

for epoch in range(60):
    model.train()
    perm = torch.randperm(len(x_tr))
    for i in range(0, len(perm), 64):
        b = perm[i:i + 64]
        opt.zero_grad()
        loss = loss_fn(model(x_tr[b]).squeeze(1), y_tr[b])
        loss.backward()
        opt.step()

model.eval()
with torch.no_grad():
    prob = torch.sigmoid(model(x_te).squeeze(1)).numpy()
pred = (prob > 0.5).astype(int)
truth = y_te.numpy().astype(int)
tp = ((pred == 1) & (truth == 1)).sum()
print(f"segment accuracy: {(pred == truth).mean():.3f}")
print(f"cracked recall: {tp / max(truth.sum(), 1):.3f}  precision: {tp / max(pred.sum(), 1):.3f}")
