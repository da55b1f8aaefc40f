# label: leakage/selection
# twin: sel_v16_esports_best_epoch__fixed.py
# source: hand-written for ai-ci held-out v16 (Apache-2.0)
import numpy as np
import pandas as pd
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

CFG = {"path": "data/esports_matches.csv", "epochs": 60, "lr": 1e-3, "batch": 128, "seed": 0}
FEATURES = ["elo_diff", "recent_winrate_diff", "patch_age_days", "side_blue",
            "draft_synergy", "roster_age_diff", "h2h_winrate", "travel_km_diff"]


def to_tensors(frame, mean, std):
    x = torch.tensor(((frame[FEATURES] - mean) / std).to_numpy(), dtype=torch.float32)
    y = torch.tensor(frame["team_a_won"].to_numpy(), dtype=torch.float32)
    return x, y


class MatchNet(nn.Module):
    def __init__(self, n_in):
        super().__init__()
        self.net = nn.Sequential(
            nn.Linear(n_in, 64), nn.ReLU(), nn.Dropout(0.2),
            nn.Linear(64, 32), nn.ReLU(), nn.Linear(32, 1),
        )

    def forward(self, x):
        return self.net(x).squeeze(-1)


def accuracy(model, x, y):
    model.eval()
    with torch.no_grad():
        return ((model(x) > 0).float() == y).float().mean().item()


def main():
    torch.manual_seed(CFG["seed"])
    np.random.seed(CFG["seed"])
    df = pd.read_csv(CFG["path"], parse_dates=["match_date"]).sort_values("match_date")
    cut = int(len(df) * 0.8)
    train_df, test_df = df.iloc[:cut], df.iloc[cut:]
    mean, std = train_df[FEATURES].mean(), train_df[FEATURES].std() + 1e-6
    x_tr, y_tr = to_tensors(train_df, mean, std)
    x_te, y_te = to_tensors(test_df, mean, std)

    model = MatchNet(len(FEATURES))
    opt = torch.optim.Adam(model.parameters(), lr=CFG["lr"], weight_decay=1e-4)
    loss_fn = nn.BCEWithLogitsLoss()
    loader = DataLoader(TensorDataset(x_tr, y_tr), batch_size=CFG["batch"], shuffle=True)

    best_acc, best_state = -1.0, None
    for epoch in range(CFG["epochs"]):
        model.train()
        for xb, yb in loader:
            opt.zero_grad()
            loss = loss_fn(model(xb), yb)
            loss.backward()
            opt.step()
        acc = accuracy(model, x_te, y_te)
        if acc > best_acc:
            best_acc = acc
            best_state = {k: v.clone() for k, v in model.state_dict().items()}
            print(f"epoch {epoch:02d}: new best {acc:.4f}")

    model.load_state_dict(best_state)
    print(f"test accuracy: {accuracy(model, x_te, y_te):.4f}")
    torch.save(best_state, "match_net.pt")


if __name__ == "__main__":
    main()
