# label: leakage/none
"""Reed-pipe voicing fault classifier from log-mel spectrograms of single-note recordings."""
from pathlib import Path

import numpy as np
import pandas as pd
import torch
from torch import nn
from torch.utils.data import DataLoader, Dataset
from sklearn.metrics import classification_report, balanced_accuracy_score
from sklearn.model_selection import train_test_split

ROOT = Path("data/reed_voicing")
CLASSES = ["ok", "slow_speech", "rattle", "overblown", "weak_fundamental"]
N_MELS, CROP = 64, 96
VIEWS = 8
SEED = 17
gen = torch.Generator().manual_seed(SEED)


class VoicingCrops(Dataset):
    """Each recording yields `views` random time crops of its spectrogram."""

    def __init__(self, meta, views=VIEWS, crop=CROP):
        self.paths = [ROOT / "mels" / f for f in meta["mel_file"]]
        self.labels = meta["fault"].map(CLASSES.index).to_numpy()
        self.views = views
        self.crop = crop
        self._cache = {}

    def __len__(self):
        return len(self.paths) * self.views

    def _mel(self, i):
        if i not in self._cache:
            self._cache[i] = np.load(self.paths[i]).astype(np.float32)
        return self._cache[i]

    def __getitem__(self, idx):
        i = idx % len(self.paths)
        mel = self._mel(i)
        if mel.shape[1] < self.crop:
            mel = np.pad(mel, ((0, 0), (0, self.crop - mel.shape[1])), mode="edge")
        start = np.random.randint(0, mel.shape[1] - self.crop + 1)
        patch = mel[:, start:start + self.crop]
        patch = (patch - patch.mean()) / (patch.std() + 1e-5)
        return torch.from_numpy(patch).unsqueeze(0), int(self.labels[i])


def small_cnn(n_classes):
    def block(cin, cout):
        return nn.Sequential(nn.Conv2d(cin, cout, 3, padding=1), nn.BatchNorm2d(cout), nn.ReLU(), nn.MaxPool2d(2))
    return nn.Sequential(block(1, 16), block(16, 32), block(32, 64),
                         nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Dropout(0.3), nn.Linear(64, n_classes))


meta = pd.read_csv(ROOT / "recordings.csv")
meta = meta[meta["fault"].isin(CLASSES)].reset_index(drop=True)
print(meta["fault"].value_counts())

train_meta, test_meta = train_test_split(meta, test_size=0.2, stratify=meta["fault"], random_state=SEED)
train_ds, test_ds = VoicingCrops(train_meta), VoicingCrops(test_meta)

train_dl = DataLoader(train_ds, batch_size=64, shuffle=True, num_workers=2)
test_dl = DataLoader(test_ds, batch_size=128)

device = "cuda" if torch.cuda.is_available() else "cpu"
model = small_cnn(len(CLASSES)).to(device)
opt = torch.optim.AdamW(model.parameters(), lr=2e-3, weight_decay=1e-4)
sched = torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=20)
criterion = nn.CrossEntropyLoss(label_smoothing=0.05)

for epoch in range(20):
    model.train()
    total, n = 0.0, 0
    for xb, yb in train_dl:
        xb, yb = xb.to(device), yb.to(device)
        opt.zero_grad()
        loss = criterion(model(xb), yb)
        loss.backward()
        opt.step()
        total += loss.item() * len(yb)
        n += len(yb)
    sched.step()
    print(f"epoch {epoch:02d} loss {total / n:.4f} lr {sched.get_last_lr()[0]:.2e}")

model.eval()
preds, trues = [], []
with torch.no_grad():
    for xb, yb in test_dl:
        preds.append(model(xb.to(device)).argmax(1).cpu())
        trues.append(yb)
preds, trues = torch.cat(preds).numpy(), torch.cat(trues).numpy()
print("balanced accuracy:", round(balanced_accuracy_score(trues, preds), 4))
print(classification_report(trues, preds, target_names=CLASSES, digits=3))
torch.save(model.state_dict(), "reed_voicing_cnn.pt")
