# label: leakage/selection
import numpy as np
import pandas as pd
import torch
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

# Recipe and storage records for each kimchi batch; acidity measured on day 7
BATCHES = "data/kimchi_batches.parquet"
FEATURES = [
    "salt_pct", "garlic_g_per_kg", "ginger_g_per_kg", "chili_g_per_kg",
    "fish_sauce_ml_per_kg", "sugar_g_per_kg", "radish_share", "brine_hours",
    "initial_ph", "storage_temp_c", "jar_volume_l", "headspace_pct",
]
TARGET = "acidity_day7"
WIDTHS = [16, 32, 64, 128]

torch.manual_seed(3)
np.random.seed(3)


class SournessNet(nn.Module):
    def __init__(self, n_in, width):
        super().__init__()
        self.body = nn.Sequential(
            nn.Linear(n_in, width), nn.ReLU(), nn.Dropout(0.1),
            nn.Linear(width, width // 2), nn.ReLU(),
            nn.Linear(width // 2, 1),
        )

    def forward(self, x):
        return self.body(x).squeeze(-1)


class Trainer:
    def __init__(self, width, epochs=150, lr=2e-3, batch_size=64):
        self.width = width
        self.epochs = epochs
        self.lr = lr
        self.batch_size = batch_size
        self.model = None

    def fit(self, X, y):
        self.model = SournessNet(X.shape[1], self.width)
        opt = torch.optim.Adam(self.model.parameters(), lr=self.lr, weight_decay=1e-4)
        loader = DataLoader(TensorDataset(torch.tensor(X), torch.tensor(y)),
                            batch_size=self.batch_size, shuffle=True)
        loss_fn = nn.SmoothL1Loss()
        for _ in range(self.epochs):
            self.model.train()
            for xb, yb in loader:
                opt.zero_grad()
                loss = loss_fn(self.model(xb), yb)
                loss.backward()
                opt.step()
        return self

    @torch.no_grad()
    def predict(self, X):
        self.model.eval()
        return self.model(torch.tensor(X)).numpy()


def mae(y_true, y_pred):
    return float(np.mean(np.abs(y_true - y_pred)))


df = pd.read_parquet(BATCHES)
df = df.dropna(subset=FEATURES + [TARGET])
df["radish_share"] = df["radish_share"].clip(0, 1)

X = df[FEATURES].to_numpy(dtype=np.float32)
y = df[TARGET].to_numpy(dtype=np.float32)

X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=3)
scaler = StandardScaler().fit(X_train)
X_train = scaler.transform(X_train).astype(np.float32)
X_test = scaler.transform(X_test).astype(np.float32)

scores = {}
trainers = {}
for width in WIDTHS:
    trainer = Trainer(width).fit(X_train, y_train)
    scores[width] = mae(y_test, trainer.predict(X_test))
    trainers[width] = trainer
    print(f"width={width:>3}  MAE={scores[width]:.4f} g/100ml")

best_width = min(scores, key=scores.get)
final = trainers[best_width]
pred = final.predict(X_test)

print(f"\nSelected width: {best_width}")
print(f"Day-7 acidity MAE: {mae(y_test, pred):.4f} g/100ml")
print(f"Share within 0.05 g/100ml: {np.mean(np.abs(y_test - pred) < 0.05):.2%}")
torch.save(final.model.state_dict(), f"sourness_w{best_width}.pt")
