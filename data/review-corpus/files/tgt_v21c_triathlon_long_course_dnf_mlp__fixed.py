# label: leakage/none
# Long-course triathlon: which registered starters are likely not to finish?
# The medical and safety teams use the score to place extra marshals and to
# plan the sweep boats and bike course support vehicles.
import numpy as np
import pandas as pd
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset
from sklearn.preprocessing import StandardScaler
from sklearn.metrics import roc_auc_score, average_precision_score

torch.manual_seed(0)
np.random.seed(0)

REG = "data/registrations.csv"
RACES = "data/race_forecast_conditions.csv"
RESULTS = "data/chip_results.csv"
TEST_YEAR = 2024
DROP = ("athlete_id", "bib", "race_id", "year", "dnf")


def assemble():
    reg = pd.read_csv(REG)
    races = pd.read_csv(RACES)
    res = pd.read_csv(RESULTS)[["race_id", "bib", "dnf"]]
    df = reg.merge(races, on="race_id", how="left").merge(res, on=["race_id", "bib"], how="inner")
    df["is_female"] = (df["gender"] == "F").astype(int)
    df["age_group_mid"] = df["age_group"].str.extract(r"(\d+)").astype(float) + 2
    df["first_long_course"] = (df["prior_full_distance_finishes"] == 0).astype(int)
    return df


class Net(nn.Module):
    def __init__(self, n_in):
        super().__init__()
        self.body = nn.Sequential(
            nn.Linear(n_in, 64), nn.ReLU(), nn.Dropout(0.2),
            nn.Linear(64, 32), nn.ReLU(),
            nn.Linear(32, 1),
        )

    def forward(self, x):
        return self.body(x).squeeze(-1)


def to_loader(X, y, shuffle):
    ds = TensorDataset(torch.tensor(X, dtype=torch.float32), torch.tensor(y, dtype=torch.float32))
    return DataLoader(ds, batch_size=256, shuffle=shuffle)


df = assemble()
feature_cols = [c for c in df.select_dtypes("number").columns if c not in DROP]
print(len(feature_cols), "numeric features")

train = df[df["year"] < TEST_YEAR]
test = df[df["year"] == TEST_YEAR]
medians = train[feature_cols].median()
scaler = StandardScaler().fit(train[feature_cols].fillna(medians))
X_tr = scaler.transform(train[feature_cols].fillna(medians))
X_te = scaler.transform(test[feature_cols].fillna(medians))
y_tr = train["dnf"].to_numpy()
y_te = test["dnf"].to_numpy()

net = Net(X_tr.shape[1])
pos_weight = torch.tensor((1 - y_tr.mean()) / y_tr.mean(), dtype=torch.float32)
loss_fn = nn.BCEWithLogitsLoss(pos_weight=pos_weight)
opt = torch.optim.AdamW(net.parameters(), lr=1e-3, weight_decay=1e-4)
loader = to_loader(X_tr, y_tr, shuffle=True)

for epoch in range(30):
    net.train()
    total = 0.0
    for xb, yb in loader:
        opt.zero_grad()
        loss = loss_fn(net(xb), yb)
        loss.backward()
        opt.step()
        total += loss.item() * len(xb)
    if epoch % 5 == 0:
        print(f"epoch {epoch:2d}  train loss {total / len(y_tr):.4f}")

net.eval()
with torch.no_grad():
    p_te = torch.sigmoid(net(torch.tensor(X_te, dtype=torch.float32))).numpy()

print(f"{TEST_YEAR} races: AUC {roc_auc_score(y_te, p_te):.3f}  AP {average_precision_score(y_te, p_te):.3f}")
flagged = p_te >= np.quantile(p_te, 0.9)
print(f"top 10% flagged: {flagged.sum()} athletes, DNF share {y_te[flagged].mean():.2f} vs {y_te.mean():.2f}")
