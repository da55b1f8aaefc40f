# label: leakage/none
# twin: ovl_r13b_birdsong_augment_subset__leaky.py
# source: hand-written for ai-ci, tuning part of round 13 (Apache-2.0)
"""Bird song recordings: species classification from log-mel spectrograms.

One 5-second clip per recording. Time-shifted, noisy copies double the data.
"""
import numpy as np
import torch
from torch import nn
from torch.utils.data import ConcatDataset, DataLoader, Subset, TensorDataset

torch.manual_seed(5)
data = np.load("data/birdsong_logmel.npz")
specs = torch.tensor(data["logmel"], dtype=torch.float32).unsqueeze(1)  # (N, 1, 64, 216)
labels = torch.tensor(data["species"], dtype=torch.long)
n_species = int(labels.max()) + 1


def augment(x, seed=0):
    g = torch.Generator().manual_seed(seed)
    shifts = torch.randint(-24, 25, (x.shape[0],), generator=g)
    rolled = torch.stack([torch.roll(clip, int(s), dims=-1) for clip, s in zip(x, shifts)])
    return rolled + 0.05 * torch.randn(rolled.shape, generator=g)


original = TensorDataset(specs, labels)
augmented = TensorDataset(augment(specs), labels)

# split recordings first; augmented copies are only used for training recordings
order = np.random.default_rng(5).permutation(len(original))
cut = int(0.8 * len(original))
train_idx, test_idx = order[:cut].tolist(), order[cut:].tolist()
train_ds = ConcatDataset([Subset(original, train_idx), Subset(augmented, train_idx)])
test_ds = Subset(original, test_idx)

model = nn.Sequential(
    nn.Conv2d(1, 16, 3, padding=1), nn.BatchNorm2d(16), nn.ReLU(), nn.MaxPool2d(2),
    nn.Conv2d(16, 32, 3, padding=1), nn.BatchNorm2d(32), nn.ReLU(), nn.MaxPool2d(2),
    nn.Conv2d(32, 64, 3, padding=1), nn.BatchNorm2d(64), nn.ReLU(),
    nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Dropout(0.3), nn.Linear(64, n_species),
)
optimizer = torch.optim.AdamW(model.parameters(), lr=1e-3, weight_decay=1e-4)
loss_fn = nn.CrossEntropyLoss()

for epoch in range(25):
    model.train()
    for xb, yb in DataLoader(train_ds, batch_size=64, shuffle=True):
        optimizer.zero_grad()
        loss = loss_fn(model(xb), yb)
        loss.backward()
        optimizer.step()

model.eval()
correct = 0
with torch.no_grad():
    for xb, yb in DataLoader(test_ds, batch_size=256):
        correct += (model(xb).argmax(dim=1) == yb).sum().item()
print(f"test clips: {len(test_ds)}, accuracy: {correct / len(test_ds):.3f}")
