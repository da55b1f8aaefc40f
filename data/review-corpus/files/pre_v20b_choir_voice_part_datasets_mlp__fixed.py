# label: leakage/none
"""Voice-part suggestion (S/A/T/B) for choir auditions from acoustic summaries.

One row per singer (most recent audition): pitch range statistics, formants and
spectral descriptors extracted from the sight-reading and scale recordings.
"""
import numpy as np
import torch
from datasets import load_dataset
from torch import nn
from torch.utils.data import DataLoader
from sklearn.metrics import accuracy_score, confusion_matrix

FEATURES = [
    "f0_p05_hz", "f0_median_hz", "f0_p95_hz", "f0_range_semitones",
    "f1_mean_hz", "f2_mean_hz", "f3_mean_hz", "spectral_centroid_hz",
    "hnr_db", "passaggio_hz", "sustain_s",
]
CONFIG = {"epochs": 60, "batch_size": 32, "lr": 2e-3, "hidden": 64, "dropout": 0.2, "seed": 5}

torch.manual_seed(CONFIG["seed"])

ds = load_dataset("csv", data_files="auditions/choir_auditions_2016_2024.csv")["train"]
ds = ds.filter(lambda r: r["voice_part"] in {"soprano", "alto", "tenor", "bass"})
ds = ds.class_encode_column("voice_part")
label_names = ds.features["voice_part"].names
print(ds)

splits = ds.train_test_split(test_size=0.2, stratify_by_column="voice_part", seed=CONFIG["seed"])
train_ds, test_ds = splits["train"], splits["test"]
stats = {c: (float(np.mean(train_ds[c])), float(np.std(train_ds[c]) + 1e-6)) for c in FEATURES}


def standardise(batch):
    cols = [(np.asarray(batch[c], dtype=np.float32) - stats[c][0]) / stats[c][1] for c in FEATURES]
    return {"x": np.stack(cols, axis=1)}


train_ds = train_ds.map(standardise, batched=True)
test_ds = test_ds.map(standardise, batched=True)

train_ds = train_ds.with_format("torch", columns=["x", "voice_part"])
test_ds = test_ds.with_format("torch", columns=["x", "voice_part"])
train_dl = DataLoader(train_ds, batch_size=CONFIG["batch_size"], shuffle=True)
test_dl = DataLoader(test_ds, batch_size=256)


class PartNet(nn.Module):
    def __init__(self, n_in, n_out, hidden, dropout):
        super().__init__()
        self.body = nn.Sequential(
            nn.Linear(n_in, hidden), nn.ReLU(), nn.Dropout(dropout),
            nn.Linear(hidden, hidden), nn.ReLU(), nn.Dropout(dropout),
            nn.Linear(hidden, n_out),
        )

    def forward(self, x):
        return self.body(x)


net = PartNet(len(FEATURES), len(label_names), CONFIG["hidden"], CONFIG["dropout"])
opt = torch.optim.AdamW(net.parameters(), lr=CONFIG["lr"], weight_decay=1e-4)
loss_fn = nn.CrossEntropyLoss()

for epoch in range(CONFIG["epochs"]):
    net.train()
    total = 0.0
    for batch in train_dl:
        opt.zero_grad()
        loss = loss_fn(net(batch["x"].float()), batch["voice_part"].long())
        loss.backward()
        opt.step()
        total += loss.item() * len(batch["x"])
    if epoch % 10 == 0:
        print(f"epoch {epoch:3d} train loss {total / len(train_ds):.4f}")

net.eval()
preds, truth = [], []
with torch.no_grad():
    for batch in test_dl:
        preds.append(net(batch["x"].float()).argmax(dim=1).numpy())
        truth.append(batch["voice_part"].numpy())
preds, truth = np.concatenate(preds), np.concatenate(truth)

print(f"test accuracy {accuracy_score(truth, preds):.3f}")
print(label_names)
print(confusion_matrix(truth, preds))
