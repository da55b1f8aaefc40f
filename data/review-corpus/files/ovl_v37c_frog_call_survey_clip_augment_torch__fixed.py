# label: leakage/none
"""Species classifier for the pond survey acoustic clips.

One 10 s clip per pond visit, converted to a log-mel spectrogram by the
field team's preprocessing notebook (64 mel bands x 431 frames).
"""
import numpy as np
import pandas as pd
import torch
import torch.nn as nn
import torch.nn.functional as F
from sklearn.metrics import classification_report, f1_score
from torch.utils.data import ConcatDataset, DataLoader, TensorDataset, random_split

SEED = 3
torch.manual_seed(SEED)
DEVICE = "cuda" if torch.cuda.is_available() else "cpu"

meta = pd.read_csv("survey/clip_labels.csv")
meta = meta[meta["label_confidence"] >= 2]
species = sorted(meta["species"].unique())
label_of = {s: i for i, s in enumerate(species)}

specs = torch.from_numpy(np.stack([np.load(f"survey/mels/{c}.npy") for c in meta["clip_id"]])).float()
specs = (specs - specs.mean(dim=(1, 2), keepdim=True)) / (specs.std(dim=(1, 2), keepdim=True) + 1e-6)
specs = specs.unsqueeze(1)
labels = torch.tensor(meta["species"].map(label_of).to_numpy())
print(specs.shape, dict(meta["species"].value_counts()))


def augment_clips(x, y, copies=3):
    """Time roll, frequency masking and background noise, a few copies per clip."""
    out = []
    for _ in range(copies):
        shift = torch.randint(-60, 60, (1,)).item()
        xa = torch.roll(x, shifts=shift, dims=-1)
        f0 = torch.randint(0, 56, (1,)).item()
        xa[:, :, f0:f0 + 8, :] = 0.0
        xa = xa + 0.15 * torch.randn_like(xa)
        out.append(xa)
    return torch.cat(out), y.repeat(copies)


def split_sizes(n, val=0.15, test=0.15):
    n_val, n_test = int(n * val), int(n * test)
    return [n - n_val - n_test, n_val, n_test]


dataset = TensorDataset(specs, labels)
gen = torch.Generator().manual_seed(SEED)
train_ds, val_ds, test_ds = random_split(dataset, split_sizes(len(dataset)), generator=gen)
train_idx = torch.tensor(train_ds.indices)
aug_specs, aug_labels = augment_clips(specs[train_idx], labels[train_idx], copies=3)
train_ds = ConcatDataset([train_ds, TensorDataset(aug_specs, aug_labels)])

train_dl = DataLoader(train_ds, batch_size=32, shuffle=True)
val_dl = DataLoader(val_ds, batch_size=64)
test_dl = DataLoader(test_ds, batch_size=64)


class CallNet(nn.Module):
    def __init__(self, n_classes):
        super().__init__()
        self.blocks = nn.ModuleList([
            nn.Sequential(nn.Conv2d(cin, cout, 3, padding=1), nn.BatchNorm2d(cout), nn.ReLU(), nn.MaxPool2d(2))
            for cin, cout in [(1, 16), (16, 32), (32, 64), (64, 96)]
        ])
        self.head = nn.Sequential(nn.Dropout(0.3), nn.Linear(96, n_classes))

    def forward(self, x):
        for block in self.blocks:
            x = block(x)
        x = F.adaptive_avg_pool2d(x, 1).flatten(1)
        return self.head(x)


def predict(model, loader):
    model.eval()
    ys, ps = [], []
    with torch.no_grad():
        for xb, yb in loader:
            ps.append(model(xb.to(DEVICE)).argmax(1).cpu())
            ys.append(yb)
    return torch.cat(ys).numpy(), torch.cat(ps).numpy()


model = CallNet(len(species)).to(DEVICE)
opt = torch.optim.AdamW(model.parameters(), lr=1e-3, weight_decay=1e-4)
best_f1, best_state = -1.0, None
for epoch in range(40):
    model.train()
    for xb, yb in train_dl:
        xb, yb = xb.to(DEVICE), yb.to(DEVICE)
        loss = F.cross_entropy(model(xb), yb, label_smoothing=0.05)
        opt.zero_grad()
        loss.backward()
        opt.step()
    y_val, p_val = predict(model, val_dl)
    val_f1 = f1_score(y_val, p_val, average="macro")
    if val_f1 > best_f1:
        best_f1, best_state = val_f1, {k: v.detach().clone() for k, v in model.state_dict().items()}
    print(f"epoch {epoch:02d} loss {loss.item():.3f} val macro-F1 {val_f1:.3f}")

model.load_state_dict(best_state)
y_test, p_test = predict(model, test_dl)
print(f"test macro-F1: {f1_score(y_test, p_test, average='macro'):.3f}")
print(classification_report(y_test, p_test, target_names=species, digits=3))
torch.save(model.state_dict(), "models/callnet.pt")
