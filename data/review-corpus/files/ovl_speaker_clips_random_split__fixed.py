# label: leakage/none
# twin: ovl_speaker_clips_random_split__leaky.py
# source: hand-written for ai-ci held-out v4 (Apache-2.0)
import pandas as pd
import torch
import torchaudio
from sklearn.model_selection import GroupShuffleSplit
from torch import nn
from torch.utils.data import DataLoader, Dataset

meta = pd.read_csv("clips/metadata.csv")  # clip_path, speaker_id, emotion; about 60 clips per speaker
labels = sorted(meta["emotion"].unique())


class ClipDataset(Dataset):
    def __init__(self, frame, seconds=3, sr=16000):
        self.frame = frame.reset_index(drop=True)
        self.sr, self.n = sr, seconds * sr
        self.mel = torchaudio.transforms.MelSpectrogram(sample_rate=sr, n_mels=64)

    def __len__(self):
        return len(self.frame)

    def __getitem__(self, i):
        row = self.frame.iloc[i]
        wave, sr = torchaudio.load(row["clip_path"])
        wave = torchaudio.functional.resample(wave.mean(0, keepdim=True), sr, self.sr)[:, : self.n]
        wave = nn.functional.pad(wave, (0, self.n - wave.shape[1]))
        return self.mel(wave).log1p(), labels.index(row["emotion"])


splitter = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=1)
train_idx, test_idx = next(splitter.split(meta, groups=meta["speaker_id"]))
train_meta, test_meta = meta.iloc[train_idx], meta.iloc[test_idx]
train_loader = DataLoader(ClipDataset(train_meta), batch_size=32, shuffle=True, num_workers=4)
test_loader = DataLoader(ClipDataset(test_meta), batch_size=64, num_workers=4)

net = nn.Sequential(
    nn.Conv2d(1, 16, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
    nn.Conv2d(16, 32, 3, padding=1), nn.ReLU(), nn.AdaptiveAvgPool2d(1),
    nn.Flatten(), nn.Linear(32, len(labels)),
)
opt = torch.optim.AdamW(net.parameters(), lr=1e-3)
for epoch in range(20):
    net.train()
    for spec, target in train_loader:
        opt.zero_grad()
        nn.functional.cross_entropy(net(spec), target).backward()
        opt.step()

net.eval()
hits = total = 0
with torch.no_grad():
    for spec, target in test_loader:
        hits += (net(spec).argmax(1) == target).sum().item()
        total += len(target)
print(f"emotion accuracy on held-out speakers: {hits / total:.3f}")
