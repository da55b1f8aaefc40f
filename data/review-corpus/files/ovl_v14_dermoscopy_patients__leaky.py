# label: leakage/overlap
# twin: ovl_v14_dermoscopy_patients__fixed.py
# source: hand-written for ai-ci held-out v14 (Apache-2.0)
"""Melanoma vs. benign classifier head on frozen dermoscopy image embeddings."""
import numpy as np
import pandas as pd
import torch
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import train_test_split
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

EMB_PATH = "data/dermoscopy/efficientnet_b3_embeddings.parquet"
META_PATH = "data/dermoscopy/metadata.csv"
EPOCHS = 15
BATCH = 256
DEVICE = "cuda" if torch.cuda.is_available() else "cpu"
torch.manual_seed(0)


def load_table():
    emb = pd.read_parquet(EMB_PATH)  # image_id, e0 ... e1535
    meta = pd.read_csv(META_PATH)  # image_id, patient_id, lesion_id, age, sex, site, diagnosis
    df = meta.merge(emb, on="image_id")
    df["target"] = (df["diagnosis"] == "melanoma").astype(np.float32)
    return df


def to_loader(df, emb_cols, shuffle):
    X = torch.tensor(df[emb_cols].to_numpy(np.float32))
    y = torch.tensor(df["target"].to_numpy(np.float32))
    return DataLoader(TensorDataset(X, y), batch_size=BATCH, shuffle=shuffle)


class Head(nn.Module):
    def __init__(self, dim):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(dim, 256), nn.ReLU(), nn.Dropout(0.3), nn.Linear(256, 1))

    def forward(self, x):
        return self.net(x).squeeze(-1)


def train(model, loader, pos_weight):
    opt = torch.optim.AdamW(model.parameters(), lr=1e-3, weight_decay=1e-4)
    loss_fn = nn.BCEWithLogitsLoss(pos_weight=torch.tensor(pos_weight, device=DEVICE))
    for epoch in range(EPOCHS):
        model.train()
        total = 0.0
        for xb, yb in loader:
            xb, yb = xb.to(DEVICE), yb.to(DEVICE)
            opt.zero_grad()
            loss = loss_fn(model(xb), yb)
            loss.backward()
            opt.step()
            total += loss.item() * len(xb)
        print(f"epoch {epoch + 1:02d}  loss {total / len(loader.dataset):.4f}")


@torch.no_grad()
def predict(model, loader):
    model.eval()
    return np.concatenate([torch.sigmoid(model(xb.to(DEVICE))).cpu().numpy() for xb, _ in loader])


if __name__ == "__main__":
    df = load_table()
    emb_cols = [c for c in df.columns if c.startswith("e") and c[1:].isdigit()]
    train_df, test_df = train_test_split(
        df, test_size=0.2, stratify=df["target"], random_state=0
    )
    n_pos = max(int(train_df["target"].sum()), 1)
    pos_weight = float((len(train_df) - n_pos) / n_pos)

    model = Head(len(emb_cols)).to(DEVICE)
    train(model, to_loader(train_df, emb_cols, shuffle=True), pos_weight)
    proba = predict(model, to_loader(test_df, emb_cols, shuffle=False))
    print(f"test images: {len(test_df)}  melanoma: {int(test_df['target'].sum())}")
    print(f"test ROC AUC: {roc_auc_score(test_df['target'], proba):.4f}")
    torch.save(model.state_dict(), "models/melanoma_head.pt")
