# label: leakage/selection
import copy

import numpy as np
import pandas as pd
import torch
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

FEATURES = [
    "bias_current_pct", "record_eq_us", "head_hours", "azimuth_error_arcmin",
    "wow_flutter_pct", "tape_tension_g", "slave_speed_ratio", "shell_weight_g",
    "oxide_coercivity_oe", "room_humidity_pct", "room_temp_c",
]
TARGET = "dropout_flag"  # QC listener flagged an audible dropout on the copy


class TapeNet(nn.Module):
    def __init__(self, n_in, hidden=64, p_drop=0.2):
        super().__init__()
        self.body = nn.Sequential(
            nn.Linear(n_in, hidden), nn.ReLU(), nn.Dropout(p_drop),
            nn.Linear(hidden, hidden // 2), nn.ReLU(), nn.Dropout(p_drop),
            nn.Linear(hidden // 2, 1),
        )

    def forward(self, x):
        return self.body(x).squeeze(-1)


class TapeQCTrainer:
    def __init__(self, n_in, lr=1e-3, pos_weight=1.0, device="cpu"):
        self.device = device
        self.model = TapeNet(n_in).to(device)
        self.opt = torch.optim.AdamW(self.model.parameters(), lr=lr, weight_decay=1e-4)
        self.loss_fn = nn.BCEWithLogitsLoss(pos_weight=torch.tensor(pos_weight, device=device))

    def train_epoch(self, loader):
        self.model.train()
        total = 0.0
        for xb, yb in loader:
            xb, yb = xb.to(self.device), yb.to(self.device)
            self.opt.zero_grad()
            loss = self.loss_fn(self.model(xb), yb)
            loss.backward()
            self.opt.step()
            total += loss.item() * len(xb)
        return total / len(loader.dataset)

    @torch.no_grad()
    def predict(self, X):
        self.model.eval()
        return torch.sigmoid(self.model(X.to(self.device))).cpu().numpy()


def to_tensors(X, y):
    return torch.tensor(X, dtype=torch.float32), torch.tensor(y, dtype=torch.float32)


def main():
    torch.manual_seed(0)
    df = pd.read_parquet("qc/duplication_runs_2022_2024.parquet")
    df = df.dropna(subset=FEATURES + [TARGET])
    X = df[FEATURES].to_numpy()
    y = df[TARGET].to_numpy().astype(np.float32)

    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=0.2, stratify=y, random_state=42
    )
    scaler = StandardScaler().fit(X_train)
    Xtr_t, ytr_t = to_tensors(scaler.transform(X_train), y_train)
    Xte_t, _ = to_tensors(scaler.transform(X_test), y_test)

    loader = DataLoader(TensorDataset(Xtr_t, ytr_t), batch_size=256, shuffle=True)
    pos_weight = (1 - y_train.mean()) / y_train.mean()
    trainer = TapeQCTrainer(len(FEATURES), pos_weight=pos_weight)

    best_auc, best_epoch, best_state = 0.0, -1, None
    for epoch in range(1, 81):
        loss = trainer.train_epoch(loader)
        auc = roc_auc_score(y_test, trainer.predict(Xte_t))
        if auc > best_auc:
            best_auc, best_epoch = auc, epoch
            best_state = copy.deepcopy(trainer.model.state_dict())
        if epoch % 10 == 0:
            print(f"epoch {epoch:3d}  loss {loss:.4f}  auc {auc:.4f}")

    trainer.model.load_state_dict(best_state)
    print(f"best epoch {best_epoch}")
    print(f"test ROC AUC: {best_auc:.4f}")
    torch.save(trainer.model.state_dict(), "tape_dropout_mlp.pt")


if __name__ == "__main__":
    main()
