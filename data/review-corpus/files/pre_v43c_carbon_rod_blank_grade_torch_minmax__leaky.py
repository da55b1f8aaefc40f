# label: leakage/preprocessing
"""Grade classifier for rolled carbon fishing-rod blanks (A / B / reject) from the
end-of-line QC rig: wall gauge at five stations, deflection under load, mass, resin content."""
import numpy as np
import pandas as pd
import torch
from sklearn.metrics import accuracy_score, classification_report, f1_score
from sklearn.model_selection import train_test_split
from torch import nn
from torch.utils.data import DataLoader, Dataset

GRADES = {"A": 0, "B": 1, "reject": 2}
QC_COLUMNS = [
    "wall_mm_s1", "wall_mm_s2", "wall_mm_s3", "wall_mm_s4", "wall_mm_s5",
    "defl_mm_250g", "defl_mm_500g", "defl_mm_1kg",
    "mass_g", "length_mm", "resin_pct", "straightness_mm",
    "cure_peak_c", "cure_minutes", "mandrel_age_cycles",
]


class BlankDataset(Dataset):
    def __init__(self, features, grades):
        self.x = torch.as_tensor(features, dtype=torch.float32)
        self.y = torch.as_tensor(grades, dtype=torch.long)

    def __len__(self):
        return len(self.y)

    def __getitem__(self, i):
        return self.x[i], self.y[i]


class GradeNet(nn.Module):
    def __init__(self, n_in, n_out=3):
        super().__init__()
        self.net = nn.Sequential(
            nn.Linear(n_in, 96), nn.BatchNorm1d(96), nn.ReLU(),
            nn.Linear(96, 48), nn.BatchNorm1d(48), nn.ReLU(),
            nn.Dropout(0.2),
            nn.Linear(48, n_out),
        )

    def forward(self, x):
        return self.net(x)


def train_model(model, loader, class_weights, epochs=60):
    opt = torch.optim.Adam(model.parameters(), lr=1e-3, weight_decay=1e-5)
    sched = torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=epochs)
    loss_fn = nn.CrossEntropyLoss(weight=class_weights)
    for epoch in range(epochs):
        model.train()
        running = 0.0
        for xb, yb in loader:
            opt.zero_grad()
            loss = loss_fn(model(xb), yb)
            loss.backward()
            opt.step()
            running += loss.item() * len(yb)
        sched.step()
        if (epoch + 1) % 10 == 0:
            print(f"epoch {epoch + 1}: loss {running / len(loader.dataset):.4f}")
    return model


def main():
    torch.manual_seed(0)
    qc = pd.read_csv("qc_rig/blank_measurements.csv").dropna(subset=QC_COLUMNS + ["grade"])
    qc["taper"] = qc["wall_mm_s1"] - qc["wall_mm_s5"]
    cols = QC_COLUMNS + ["taper"]

    X = qc[cols].to_numpy(dtype=np.float64)
    y = qc["grade"].map(GRADES).to_numpy()

    col_min, col_max = X.min(axis=0), X.max(axis=0)
    X = (X - col_min) / (col_max - col_min + 1e-9)

    X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.2, stratify=y, random_state=0)

    counts = np.bincount(y_tr, minlength=len(GRADES))
    weights = torch.tensor(len(y_tr) / (len(GRADES) * counts), dtype=torch.float32)
    loader = DataLoader(BlankDataset(X_tr, y_tr), batch_size=128, shuffle=True, drop_last=True)

    model = train_model(GradeNet(X.shape[1]), loader, weights)

    model.eval()
    with torch.no_grad():
        pred = model(torch.as_tensor(X_te, dtype=torch.float32)).argmax(dim=1).numpy()
    print(f"accuracy: {accuracy_score(y_te, pred):.3f}  macro F1: {f1_score(y_te, pred, average='macro'):.3f}")
    print(classification_report(y_te, pred, target_names=list(GRADES), digits=3))


if __name__ == "__main__":
    main()
