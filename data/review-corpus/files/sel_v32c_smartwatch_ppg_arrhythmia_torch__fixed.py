# label: leakage/none
"""Atrial fibrillation detection from 30 s wrist PPG segments (25 Hz)."""
import argparse
import copy

import numpy as np
import pandas as pd
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import GroupShuffleSplit


def parse_args():
    p = argparse.ArgumentParser()
    p.add_argument("--segments", default="data/ppg_segments.npy")
    p.add_argument("--meta", default="data/ppg_meta.csv")
    p.add_argument("--epochs", type=int, default=40)
    p.add_argument("--batch-size", type=int, default=128)
    p.add_argument("--lr", type=float, default=1e-3)
    p.add_argument("--seed", type=int, default=7)
    return p.parse_args()


class PPGNet(nn.Module):
    def __init__(self, n_filters=32):
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv1d(1, n_filters, kernel_size=7, padding=3),
            nn.BatchNorm1d(n_filters),
            nn.ReLU(),
            nn.MaxPool1d(4),
            nn.Conv1d(n_filters, n_filters * 2, kernel_size=5, padding=2),
            nn.BatchNorm1d(n_filters * 2),
            nn.ReLU(),
            nn.AdaptiveAvgPool1d(1),
        )
        self.head = nn.Linear(n_filters * 2, 1)

    def forward(self, x):
        return self.head(self.features(x).flatten(1)).squeeze(1)


def standardise_segments(x):
    # each segment on its own scale: contact pressure varies a lot between wearers
    mu = x.mean(axis=1, keepdims=True)
    sd = x.std(axis=1, keepdims=True) + 1e-6
    return (x - mu) / sd


def make_loader(x, y, batch_size, shuffle):
    ds = TensorDataset(torch.tensor(x[:, None, :], dtype=torch.float32),
                       torch.tensor(y, dtype=torch.float32))
    return DataLoader(ds, batch_size=batch_size, shuffle=shuffle)


@torch.no_grad()
def predict(model, loader, device):
    model.eval()
    scores, labels = [], []
    for xb, yb in loader:
        scores.append(torch.sigmoid(model(xb.to(device))).cpu().numpy())
        labels.append(yb.numpy())
    return np.concatenate(labels), np.concatenate(scores)


def main():
    args = parse_args()
    torch.manual_seed(args.seed)
    device = "cuda" if torch.cuda.is_available() else "cpu"

    segments = standardise_segments(np.load(args.segments).astype(np.float32))
    meta = pd.read_csv(args.meta)
    y = meta["af_label"].to_numpy()
    wearers = meta["wearer_id"].to_numpy()

    gss = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=args.seed)
    train_idx, test_idx = next(gss.split(segments, y, groups=wearers))
    val_gss = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=args.seed + 1)
    fit_pos, val_pos = next(val_gss.split(train_idx, y[train_idx], groups=wearers[train_idx]))
    fit_idx, val_idx = train_idx[fit_pos], train_idx[val_pos]

    train_loader = make_loader(segments[fit_idx], y[fit_idx], args.batch_size, True)
    val_loader = make_loader(segments[val_idx], y[val_idx], args.batch_size, False)
    test_loader = make_loader(segments[test_idx], y[test_idx], args.batch_size, False)

    model = PPGNet().to(device)
    n_pos = max(int((y[fit_idx] == 1).sum()), 1)
    pos_weight = torch.tensor((y[fit_idx] == 0).sum() / n_pos, device=device)
    criterion = nn.BCEWithLogitsLoss(pos_weight=pos_weight)
    optimiser = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=1e-4)

    best_auc, best_state, best_epoch = 0.0, None, -1
    for epoch in range(args.epochs):
        model.train()
        running = 0.0
        for xb, yb in train_loader:
            xb, yb = xb.to(device), yb.to(device)
            optimiser.zero_grad()
            loss = criterion(model(xb), yb)
            loss.backward()
            optimiser.step()
            running += loss.item() * len(xb)
        y_true, y_score = predict(model, val_loader, device)
        auc = roc_auc_score(y_true, y_score)
        print(f"epoch {epoch:02d} loss {running / len(fit_idx):.4f} val auc {auc:.4f}")
        if auc > best_auc:
            best_auc, best_state, best_epoch = auc, copy.deepcopy(model.state_dict()), epoch

    model.load_state_dict(best_state)
    y_true, y_score = predict(model, test_loader, device)
    print(f"best epoch {best_epoch}; test AUROC {roc_auc_score(y_true, y_score):.4f}")
    torch.save(model.state_dict(), "ppg_af_cnn.pt")


if __name__ == "__main__":
    main()
