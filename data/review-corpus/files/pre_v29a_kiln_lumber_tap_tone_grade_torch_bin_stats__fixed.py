# label: leakage/none
# Kiln-dried oak boards: predict the visual grade (0=prime .. 3=rustic) from the tap-tone
# spectrum recorded on the grading line. One spectrum per board, 512 FFT bins (0-8 kHz).
import numpy as np
import torch
import torch.nn as nn
from torch.utils.data import DataLoader, TensorDataset
from sklearn.metrics import classification_report, f1_score

torch.manual_seed(3)
device = "cuda" if torch.cuda.is_available() else "cpu"

spectra = np.load("data/grading_line/tap_spectra_512.npy").astype(np.float32)   # (n_boards, 512)
grades = np.load("data/grading_line/visual_grade.npy").astype(np.int64)          # (n_boards,)
moisture = np.load("data/grading_line/moisture_pct.npy").astype(np.float32)      # meter reading

n_test = int(0.2 * len(grades))
perm = torch.randperm(len(grades), generator=torch.Generator().manual_seed(3)).numpy()
train_idx, test_idx = perm[n_test:], perm[:n_test]

logspec = np.log1p(spectra)
bin_mean = logspec[train_idx].mean(axis=0, keepdims=True)
bin_std = logspec[train_idx].std(axis=0, keepdims=True) + 1e-6
z = (logspec - bin_mean) / bin_std
moist_z = (moisture - moisture[train_idx].mean()) / moisture[train_idx].std()


def as_dataset(idx):
    return TensorDataset(torch.from_numpy(z[idx]).unsqueeze(1),
                         torch.from_numpy(moist_z[idx]).unsqueeze(1),
                         torch.from_numpy(grades[idx]))


train_ds, test_ds = as_dataset(train_idx), as_dataset(test_idx)
train_dl = DataLoader(train_ds, batch_size=64, shuffle=True, drop_last=True)
test_dl = DataLoader(test_ds, batch_size=256)


class TapNet(nn.Module):
    def __init__(self, n_classes=4):
        super().__init__()
        self.conv = nn.Sequential(
            nn.Conv1d(1, 16, 9, padding=4), nn.BatchNorm1d(16), nn.GELU(), nn.MaxPool1d(2),
            nn.Conv1d(16, 32, 7, padding=3), nn.BatchNorm1d(32), nn.GELU(), nn.MaxPool1d(2),
            nn.Conv1d(32, 64, 5, padding=2), nn.BatchNorm1d(64), nn.GELU(),
            nn.AdaptiveAvgPool1d(8),
        )
        self.head = nn.Sequential(nn.Linear(64 * 8 + 1, 64), nn.GELU(), nn.Dropout(0.3),
                                  nn.Linear(64, n_classes))

    def forward(self, spec, moist):
        h = self.conv(spec).flatten(1)
        return self.head(torch.cat([h, moist], dim=1))


model = TapNet().to(device)
counts = np.bincount(grades[train_idx], minlength=4)
weights = torch.tensor(counts.sum() / (4 * counts), dtype=torch.float32, device=device)
loss_fn = nn.CrossEntropyLoss(weight=weights)
opt = torch.optim.AdamW(model.parameters(), lr=2e-3, weight_decay=1e-3)
sched = torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=40)

for epoch in range(40):
    model.train()
    running = 0.0
    for spec, moist, g in train_dl:
        spec, moist, g = spec.to(device), moist.to(device), g.to(device)
        opt.zero_grad()
        loss = loss_fn(model(spec, moist), g)
        loss.backward()
        opt.step()
        running += loss.item() * len(g)
    sched.step()
    if epoch % 5 == 4:
        print(f"epoch {epoch + 1:2d}  train loss {running / len(train_ds):.4f}")

model.eval()
preds, truth = [], []
with torch.no_grad():
    for spec, moist, g in test_dl:
        preds.append(model(spec.to(device), moist.to(device)).argmax(1).cpu().numpy())
        truth.append(g.numpy())
preds, truth = np.concatenate(preds), np.concatenate(truth)
print(classification_report(truth, preds, target_names=["prime", "select", "common", "rustic"], digits=3))
print(f"macro F1 {f1_score(truth, preds, average='macro'):.4f}")
torch.save(model.state_dict(), "models/tapnet_grade.pt")
