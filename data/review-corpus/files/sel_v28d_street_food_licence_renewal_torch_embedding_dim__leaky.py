# label: leakage/selection
import copy

import numpy as np
import pandas as pd
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import train_test_split

torch.manual_seed(0)
CAT_COLS = ["borough", "cuisine", "pitch_type", "trading_days"]
NUM_COLS = ["years_trading", "inspections_12m", "hygiene_score", "complaints_12m",
            "fee_arrears_gbp", "card_share", "market_events_12m"]

vendors = pd.read_parquet("licensing/street_trading_2023_cycle.parquet")
vendors = vendors.dropna(subset=["renewed"])
y_all = vendors["renewed"].astype(np.float32).to_numpy()

train_df, test_df = train_test_split(vendors, test_size=0.2, stratify=y_all, random_state=5)

# vocabularies and scaling from the training vendors
vocab = {c: {v: i + 1 for i, v in enumerate(sorted(train_df[c].astype(str).unique()))} for c in CAT_COLS}
mu = train_df[NUM_COLS].mean()
sd = train_df[NUM_COLS].std().replace(0, 1.0)


def to_tensors(df):
    cats = np.stack([df[c].astype(str).map(vocab[c]).fillna(0).astype(int).to_numpy() for c in CAT_COLS], axis=1)
    nums = ((df[NUM_COLS].fillna(mu) - mu) / sd).to_numpy(np.float32)
    return (torch.as_tensor(cats, dtype=torch.long), torch.as_tensor(nums),
            torch.as_tensor(df["renewed"].to_numpy(np.float32)))


class RenewalNet(nn.Module):
    def __init__(self, cardinalities, emb_dim, n_num):
        super().__init__()
        self.embs = nn.ModuleList([nn.Embedding(c + 1, emb_dim) for c in cardinalities])
        self.head = nn.Sequential(
            nn.Linear(emb_dim * len(cardinalities) + n_num, 64), nn.ReLU(), nn.Dropout(0.2),
            nn.Linear(64, 32), nn.ReLU(), nn.Linear(32, 1),
        )

    def forward(self, x_cat, x_num):
        parts = [emb(x_cat[:, i]) for i, emb in enumerate(self.embs)]
        return self.head(torch.cat(parts + [x_num], dim=1)).squeeze(1)


def fit(emb_dim, tensors, epochs=30):
    loader = DataLoader(TensorDataset(*tensors), batch_size=128, shuffle=True)
    model = RenewalNet([len(vocab[c]) for c in CAT_COLS], emb_dim, len(NUM_COLS))
    opt = torch.optim.AdamW(model.parameters(), lr=2e-3, weight_decay=1e-4)
    loss_fn = nn.BCEWithLogitsLoss()
    for _ in range(epochs):
        model.train()
        for xc, xn, yb in loader:
            opt.zero_grad()
            loss_fn(model(xc, xn), yb).backward()
            opt.step()
    return model


@torch.no_grad()
def score(model, tensors):
    model.eval()
    xc, xn, yb = tensors
    p = torch.sigmoid(model(xc, xn)).numpy()
    return roc_auc_score(yb.numpy(), p), p


train_t = to_tensors(train_df)
test_t = to_tensors(test_df)

results, best = {}, None
for emb_dim in [2, 4, 8, 16, 32]:
    model = fit(emb_dim, train_t)
    auc, _ = score(model, test_t)
    results[emb_dim] = auc
    print(f"emb_dim={emb_dim:>2}  AUC={auc:.4f}")
    if best is None or auc > results[best[0]]:
        best = (emb_dim, copy.deepcopy(model.state_dict()))

best_dim, state = best
model = RenewalNet([len(vocab[c]) for c in CAT_COLS], best_dim, len(NUM_COLS))
model.load_state_dict(state)
auc, p_test = score(model, test_t)

print(f"\nembedding size {best_dim}: held-out AUC {auc:.4f}")
out = test_df[["vendor_id", "borough", "renewed"]].assign(p_renew=p_test)
print(out.groupby("borough")[["renewed", "p_renew"]].mean().round(3))
out.to_csv("reports/renewal_scores_2023.csv", index=False)
