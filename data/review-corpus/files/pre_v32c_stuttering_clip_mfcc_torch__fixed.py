# label: leakage/none
"""Disfluency type classifier (fluent / block / prolongation / sound rep / word rep) on 3 s podcast clips."""
import numpy as np
import pandas as pd
import torch
from torch import nn
from sklearn.metrics import f1_score
from sklearn.model_selection import GroupShuffleSplit

CFG = dict(features="data/clips_mfcc40.npz", labels="data/clip_labels.csv",
           hidden=128, epochs=30, batch_size=64, lr=2e-3, seed=0)
CLASSES = ["fluent", "block", "prolongation", "sound_rep", "word_rep"]


class ClipGRU(nn.Module):
    def __init__(self, n_feats, hidden, n_classes):
        super().__init__()
        self.gru = nn.GRU(n_feats, hidden, num_layers=2, batch_first=True, bidirectional=True, dropout=0.2)
        self.out = nn.Linear(2 * hidden, n_classes)

    def forward(self, x):
        seq, _ = self.gru(x)
        return self.out(seq.mean(dim=1))


def load_clips(cfg):
    arrays = np.load(cfg["features"])
    feats = np.concatenate([arrays["mfcc"], arrays["delta"]], axis=2)   # (clips, frames, 80)
    meta = pd.read_csv(cfg["labels"])
    meta = meta.set_index("clip_id").loc[arrays["clip_ids"]].reset_index()
    labels = meta["label"].map({c: i for i, c in enumerate(CLASSES)}).to_numpy()
    return feats.astype(np.float32), labels, meta["speaker_id"].to_numpy()


def batches(x, y, size, rng):
    order = rng.permutation(len(x))
    for start in range(0, len(x), size):
        idx = order[start:start + size]
        yield torch.from_numpy(x[idx]), torch.from_numpy(y[idx])


def train_model(x_train, y_train, cfg):
    torch.manual_seed(cfg["seed"])
    rng = np.random.default_rng(cfg["seed"])
    model = ClipGRU(x_train.shape[2], cfg["hidden"], len(CLASSES))
    counts = np.bincount(y_train, minlength=len(CLASSES))
    weights = torch.tensor(counts.sum() / (len(CLASSES) * np.maximum(counts, 1)), dtype=torch.float32)
    loss_fn = nn.CrossEntropyLoss(weight=weights)
    opt = torch.optim.Adam(model.parameters(), lr=cfg["lr"])
    for epoch in range(cfg["epochs"]):
        model.train()
        total = 0.0
        for xb, yb in batches(x_train, y_train, cfg["batch_size"], rng):
            opt.zero_grad()
            loss = loss_fn(model(xb), yb)
            loss.backward()
            nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            total += loss.item() * len(xb)
        print(f"epoch {epoch + 1}: loss {total / len(x_train):.4f}")
    return model


feats, labels, speakers = load_clips(CFG)

splitter = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=CFG["seed"])
train_idx, test_idx = next(splitter.split(feats, labels, groups=speakers))
x_train, y_train = feats[train_idx], labels[train_idx]
x_test, y_test = feats[test_idx], labels[test_idx]
print(f"train clips {len(train_idx)} ({len(set(speakers[train_idx]))} speakers), test clips {len(test_idx)}")

# cepstral mean and variance normalisation per coefficient
mean = x_train.mean(axis=(0, 1), keepdims=True)
std = x_train.std(axis=(0, 1), keepdims=True) + 1e-5
x_train = (x_train - mean) / std
x_test = (x_test - mean) / std

model = train_model(x_train, y_train, CFG)

model.eval()
with torch.no_grad():
    pred = model(torch.from_numpy(x_test)).argmax(dim=1).numpy()
print("macro F1", round(f1_score(y_test, pred, average="macro"), 4))
for i, name in enumerate(CLASSES):
    print(f"{name:>13} F1 {f1_score(y_test == i, pred == i):.3f}")
torch.save({"state": model.state_dict(), "mean": mean, "std": std}, "disfluency_gru.pt")
