# label: leakage/preprocessing
# Predict functional-test failure of BGA assemblies from the AXI (automated
# X-ray inspection) summary and the reflow profile recorded for each board.
import numpy as np
import pandas as pd
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset
from sklearn.metrics import f1_score, roc_auc_score

FEATURES = [
    "mean_void_pct", "max_void_pct", "n_joints_void_gt25", "mean_ball_diameter_um",
    "ball_diameter_cv", "bridge_candidates", "head_in_pillow_flags", "peak_temp_c",
    "time_above_liquidus_s", "ramp_rate_c_per_s", "soak_time_s", "paste_age_hours",
    "stencil_prints_since_wipe", "board_warp_um",
]
SEED = 17
torch.manual_seed(SEED)


class BoardMLP(nn.Module):
    def __init__(self, n_in):
        super().__init__()
        self.net = nn.Sequential(
            nn.Linear(n_in, 64), nn.ReLU(), nn.Dropout(0.2),
            nn.Linear(64, 32), nn.ReLU(), nn.Dropout(0.1),
            nn.Linear(32, 1),
        )

    def forward(self, x):
        return self.net(x).squeeze(-1)


def main():
    boards = pd.read_csv("axi/board_summaries.csv").dropna(subset=FEATURES + ["fct_fail"])
    boards = boards.drop_duplicates("board_serial")
    X = torch.tensor(boards[FEATURES].to_numpy(dtype=np.float32))
    y = torch.tensor(boards["fct_fail"].to_numpy(dtype=np.float32))

    mu, sigma = X.mean(dim=0), X.std(dim=0).clamp_min(1e-6)
    X = (X - mu) / sigma

    perm = torch.randperm(len(X), generator=torch.Generator().manual_seed(SEED))
    n_test = int(0.2 * len(X))
    test_idx, train_idx = perm[:n_test], perm[n_test:]

    train_ds = TensorDataset(X[train_idx], y[train_idx])
    test_ds = TensorDataset(X[test_idx], y[test_idx])
    train_loader = DataLoader(train_ds, batch_size=128, shuffle=True)
    test_loader = DataLoader(test_ds, batch_size=512)

    model = BoardMLP(len(FEATURES))
    pos_rate = y[train_idx].mean().item()
    loss_fn = nn.BCEWithLogitsLoss(pos_weight=torch.tensor((1 - pos_rate) / pos_rate))
    opt = torch.optim.AdamW(model.parameters(), lr=1e-3, weight_decay=1e-4)

    for epoch in range(40):
        model.train()
        total = 0.0
        for xb, yb in train_loader:
            opt.zero_grad()
            loss = loss_fn(model(xb), yb)
            loss.backward()
            opt.step()
            total += loss.item() * len(xb)
        if epoch % 10 == 9:
            print(f"epoch {epoch + 1}: train loss {total / len(train_ds):.4f}")

    model.eval()
    scores, labels = [], []
    with torch.no_grad():
        for xb, yb in test_loader:
            scores.append(torch.sigmoid(model(xb)))
            labels.append(yb)
    scores = torch.cat(scores).numpy()
    labels = torch.cat(labels).numpy()
    print(f"boards: {len(X)}  FCT fail rate: {y.mean().item():.3f}")
    print(f"test ROC AUC: {roc_auc_score(labels, scores):.4f}")
    print(f"test F1 @0.5: {f1_score(labels, scores >= 0.5):.4f}")
    torch.save({"state_dict": model.state_dict(), "mu": mu, "sigma": sigma}, "models/axi_fct_mlp.pt")


if __name__ == "__main__":
    main()
