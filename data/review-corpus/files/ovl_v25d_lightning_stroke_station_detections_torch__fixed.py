# label: leakage/none
"""Classify lightning strokes as cloud-to-ground or intracloud from single-station waveform detections."""
import numpy as np
import pandas as pd
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset
from sklearn.metrics import f1_score, roc_auc_score
from sklearn.model_selection import GroupShuffleSplit
from sklearn.preprocessing import StandardScaler

torch.manual_seed(0)
detections = pd.read_parquet("vlf_station_detections.parquet")
reference = pd.read_csv("reference_network_stroke_types.csv")  # stroke_id, is_cloud_to_ground
df = detections.merge(reference, on="stroke_id", how="inner")

df["log_range_km"] = np.log1p(df["range_km"])
df["range_normalised_amp"] = df["peak_amplitude"] * df["range_km"] / 100.0
df["rise_to_fall"] = df["rise_time_us"] / df["fall_time_us"].clip(lower=0.1)
df["negative_polarity"] = (df["polarity"] < 0).astype(float)
FEATURES = ["log_range_km", "range_normalised_amp", "rise_time_us", "fall_time_us", "rise_to_fall",
            "zero_cross_us", "pulse_width_us", "secondary_peaks", "negative_polarity",
            "spectral_centroid_khz", "station_gain_db"]
df = df.dropna(subset=FEATURES)
print(f"{len(df)} detections of {df['stroke_id'].nunique()} strokes")

gss = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=0)
train_idx, test_idx = next(gss.split(df, groups=df["stroke_id"]))
train_df, test_df = df.iloc[train_idx], df.iloc[test_idx]

scaler = StandardScaler().fit(train_df[FEATURES])
def to_tensors(part):
    X = torch.tensor(scaler.transform(part[FEATURES]), dtype=torch.float32)
    y = torch.tensor(part["is_cloud_to_ground"].to_numpy(), dtype=torch.float32)
    return X, y

X_train, y_train = to_tensors(train_df)
X_test, y_test = to_tensors(test_df)
loader = DataLoader(TensorDataset(X_train, y_train), batch_size=256, shuffle=True)


class StrokeNet(nn.Module):
    def __init__(self, n_in):
        super().__init__()
        self.body = nn.Sequential(
            nn.Linear(n_in, 64), nn.ReLU(), nn.Dropout(0.2),
            nn.Linear(64, 32), nn.ReLU(),
            nn.Linear(32, 1),
        )

    def forward(self, x):
        return self.body(x).squeeze(-1)


model = StrokeNet(len(FEATURES))
pos_weight = torch.tensor((1 - y_train.mean()) / y_train.mean())
loss_fn = nn.BCEWithLogitsLoss(pos_weight=pos_weight)
opt = torch.optim.AdamW(model.parameters(), lr=2e-3, weight_decay=1e-4)

for epoch in range(30):
    model.train()
    total = 0.0
    for xb, yb in loader:
        opt.zero_grad()
        loss = loss_fn(model(xb), yb)
        loss.backward()
        opt.step()
        total += loss.item() * len(xb)
    if epoch % 5 == 4:
        print(f"epoch {epoch + 1:2d}  train loss {total / len(loader.dataset):.4f}")

model.eval()
with torch.no_grad():
    proba = torch.sigmoid(model(X_test)).numpy()
y_true = y_test.numpy()
print(f"test ROC AUC {roc_auc_score(y_true, proba):.4f}")
print(f"test F1      {f1_score(y_true, proba >= 0.5):.4f}")
