# label: leakage/none
# Grading English willow clefts (G1+ .. G4) from the tap-tone rig and the
# moisture/density bench. Grade labels come from the senior pod-shaver.
import numpy as np
import pandas as pd
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset
from sklearn.metrics import accuracy_score, cohen_kappa_score, confusion_matrix
from sklearn.model_selection import train_test_split

torch.manual_seed(4)
np.random.seed(4)

GRADES = ["G1+", "G1", "G2", "G3", "G4"]
FEATURES = [
    "f0_hz", "f1_hz", "f2_hz", "damping_ratio", "decay_ms", "spectral_centroid_hz",
    "density_kg_m3", "moisture_pct", "grain_count_face", "grain_straightness_deg",
    "butterfly_stain_area_pct", "knot_count", "cleft_length_mm", "cleft_mass_g",
]

clefts = pd.read_csv("data/willow_clefts_tap_rig.csv")
clefts = clefts[clefts["grade"].isin(GRADES)].dropna(subset=FEATURES)
clefts["grade_idx"] = clefts["grade"].map({g: i for i, g in enumerate(GRADES)})

X = clefts[FEATURES].to_numpy(dtype=np.float32)
y = clefts["grade_idx"].to_numpy(dtype=np.int64)

X_train, X_test, y_train, y_test = train_test_split(
    X, y, test_size=0.2, stratify=y, random_state=4
)

mu = X_train.mean(axis=0)
sigma = X_train.std(axis=0) + 1e-6
X_train = (X_train - mu) / sigma
X_test = (X_test - mu) / sigma


class CleftGrader(nn.Module):
    def __init__(self, n_in, n_out, hidden=64, p_drop=0.2):
        super().__init__()
        self.net = nn.Sequential(
            nn.Linear(n_in, hidden), nn.BatchNorm1d(hidden), nn.ReLU(), nn.Dropout(p_drop),
            nn.Linear(hidden, hidden), nn.BatchNorm1d(hidden), nn.ReLU(), nn.Dropout(p_drop),
            nn.Linear(hidden, n_out),
        )

    def forward(self, x):
        return self.net(x)


train_loader = DataLoader(
    TensorDataset(torch.from_numpy(X_train), torch.from_numpy(y_train)),
    batch_size=64, shuffle=True,
)

model = CleftGrader(len(FEATURES), len(GRADES))
counts = np.bincount(y_train, minlength=len(GRADES))
class_weight = torch.tensor(counts.sum() / (len(GRADES) * np.maximum(counts, 1)), dtype=torch.float32)
loss_fn = nn.CrossEntropyLoss(weight=class_weight)
optimiser = torch.optim.AdamW(model.parameters(), lr=2e-3, weight_decay=1e-4)
scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimiser, T_max=80)

for epoch in range(80):
    model.train()
    running = 0.0
    for xb, yb in train_loader:
        optimiser.zero_grad()
        loss = loss_fn(model(xb), yb)
        loss.backward()
        optimiser.step()
        running += loss.item() * len(xb)
    scheduler.step()
    if epoch % 10 == 9:
        print(f"epoch {epoch + 1:3d}  train loss {running / len(X_train):.4f}")

model.eval()
with torch.no_grad():
    logits = model(torch.from_numpy(X_test))
pred = logits.argmax(dim=1).numpy()

print(f"\ntest accuracy: {accuracy_score(y_test, pred):.3f}")
print(f"quadratic kappa: {cohen_kappa_score(y_test, pred, weights='quadratic'):.3f}")
print(f"within one grade: {np.mean(np.abs(y_test - pred) <= 1):.3f}")
cm = pd.DataFrame(confusion_matrix(y_test, pred), index=GRADES, columns=GRADES)
print(cm)

torch.save({"state_dict": model.state_dict(), "mu": mu, "sigma": sigma}, "models/cleft_grader.pt")
