# label: leakage/preprocessing
# twin: pre_v15_rtb_clearing_price_dataset__fixed.py
# source: hand-written for ai-ci held-out v15 (Apache-2.0)
"""Predict the clearing price (CPM) of real-time-bidding auctions with a small PyTorch regressor."""
import numpy as np
import pandas as pd
import torch
from torch import nn
from torch.utils.data import DataLoader, Dataset, Subset

AUCTIONS = "data/rtb/auction_log_sample.parquet"
NUM = ["floor_price_cpm", "bidder_count", "ad_slot_width", "ad_slot_height",
       "viewability_pred", "page_ctr_hist", "user_recency_h", "hour_sin", "hour_cos"]
TARGET = "clearing_price_cpm"
torch.manual_seed(0)


class AuctionDataset(Dataset):
    """Standardised numeric features and log1p price; stats are computed if not given."""

    def __init__(self, frame, stats=None):
        x = frame[NUM].to_numpy(np.float32)
        if stats is None:
            stats = (x.mean(axis=0), x.std(axis=0) + 1e-6)
        self.stats = stats
        self.x = torch.from_numpy((x - stats[0]) / stats[1])
        self.y = torch.from_numpy(np.log1p(frame[TARGET].to_numpy(np.float32)))

    def __len__(self):
        return len(self.y)

    def __getitem__(self, i):
        return self.x[i], self.y[i]


def make_model(n_in):
    return nn.Sequential(nn.Linear(n_in, 128), nn.ReLU(), nn.Linear(128, 64), nn.ReLU(),
                         nn.Linear(64, 1))


def predict(model, ds):
    model.eval()
    preds, ys = [], []
    with torch.no_grad():
        for xb, yb in DataLoader(ds, batch_size=4096):
            preds.append(model(xb).squeeze(1))
            ys.append(yb)
    return torch.cat(preds).numpy(), torch.cat(ys).numpy()


def main():
    log = pd.read_parquet(AUCTIONS)
    log = log[log["won"] == 1].sort_values("auction_ts").reset_index(drop=True)
    full = AuctionDataset(log)
    cut = int(0.8 * len(full))
    train_ds = Subset(full, range(cut))
    test_ds = Subset(full, range(cut, len(full)))

    model = make_model(len(NUM))
    opt = torch.optim.Adam(model.parameters(), lr=2e-3)
    loss_fn = nn.HuberLoss(delta=0.5)
    for epoch in range(8):
        model.train()
        for xb, yb in DataLoader(train_ds, batch_size=1024, shuffle=True):
            opt.zero_grad()
            loss = loss_fn(model(xb).squeeze(1), yb)
            loss.backward()
            opt.step()
        print(f"epoch {epoch}: last batch loss {loss.item():.4f}")

    pred_log, y_log = predict(model, test_ds)
    pred, y = np.expm1(pred_log), np.expm1(y_log)
    print(f"test MAE {np.abs(pred - y).mean():.3f} CPM, median APE {np.median(np.abs(pred - y) / y):.1%}")


if __name__ == "__main__":
    main()
