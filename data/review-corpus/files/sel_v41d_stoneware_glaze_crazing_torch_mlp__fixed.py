# label: leakage/none
import copy

import numpy as np
import pandas as pd
import torch
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

torch.manual_seed(0)
np.random.seed(0)

# Unity molecular formula of each glaze plus the kiln schedule it was fired on.
OXIDES = ["SiO2", "Al2O3", "B2O3", "Na2O", "K2O", "Li2O", "CaO", "MgO", "ZnO", "BaO", "SrO", "TiO2"]
FIRING = ["peak_temp_c", "soak_minutes", "cool_rate_c_per_h", "cone", "reduction"]
BODY = ["body_cte_x1e7", "body_absorption_pct", "glaze_thickness_mm"]
EPOCHS = 120
BATCH = 64


class GlazeNet(nn.Module):
    def __init__(self, n_in):
        super().__init__()
        self.net = nn.Sequential(
            nn.Linear(n_in, 64),
            nn.ReLU(),
            nn.Dropout(0.2),
            nn.Linear(64, 32),
            nn.ReLU(),
            nn.Linear(32, 1),
        )

    def forward(self, x):
        return self.net(x).squeeze(-1)


def load_tiles(path):
    df = pd.read_csv(path)
    df["reduction"] = (df["atmosphere"] == "reduction").astype(float)
    df["si_al_ratio"] = df["SiO2"] / df["Al2O3"]
    df["flux_total"] = df[["Na2O", "K2O", "Li2O", "CaO", "MgO", "ZnO", "BaO", "SrO"]].sum(axis=1)
    return df


def make_loader(X, y, shuffle):
    ds = TensorDataset(torch.tensor(X, dtype=torch.float32), torch.tensor(y, dtype=torch.float32))
    return DataLoader(ds, batch_size=BATCH, shuffle=shuffle)


def train_epoch(model, loader, opt, loss_fn):
    model.train()
    total = 0.0
    for xb, yb in loader:
        opt.zero_grad()
        loss = loss_fn(model(xb), yb)
        loss.backward()
        opt.step()
        total += loss.item() * len(xb)
    return total / len(loader.dataset)


@torch.no_grad()
def evaluate(model, loader):
    model.eval()
    scores, labels = [], []
    for xb, yb in loader:
        scores.append(torch.sigmoid(model(xb)).numpy())
        labels.append(yb.numpy())
    return roc_auc_score(np.concatenate(labels), np.concatenate(scores))


def main():
    df = load_tiles("glaze_test_tiles.csv")
    cols = OXIDES + FIRING + BODY + ["si_al_ratio", "flux_total"]
    X = df[cols].to_numpy(dtype=np.float32)
    y = df["crazed_after_autoclave"].to_numpy(dtype=np.float32)
    print(f"{len(df)} tiles, crazing rate {y.mean():.2%}")

    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=11)
    X_fit, X_val, y_fit, y_val = train_test_split(
        X_train, y_train, test_size=0.2, stratify=y_train, random_state=11
    )
    scaler = StandardScaler().fit(X_fit)
    train_dl = make_loader(scaler.transform(X_fit), y_fit, shuffle=True)
    val_dl = make_loader(scaler.transform(X_val), y_val, shuffle=False)
    test_dl = make_loader(scaler.transform(X_test), y_test, shuffle=False)

    model = GlazeNet(len(cols))
    pos_weight = torch.tensor((y_fit == 0).sum() / (y_fit == 1).sum())
    loss_fn = nn.BCEWithLogitsLoss(pos_weight=pos_weight)
    opt = torch.optim.AdamW(model.parameters(), lr=1e-3, weight_decay=1e-4)

    best_auc, best_epoch, best_state = 0.0, 0, None
    for epoch in range(1, EPOCHS + 1):
        loss = train_epoch(model, train_dl, opt, loss_fn)
        auc = evaluate(model, val_dl)
        if auc > best_auc:
            best_auc, best_epoch = auc, epoch
            best_state = copy.deepcopy(model.state_dict())
        if epoch % 20 == 0:
            print(f"epoch {epoch:3d}  loss {loss:.4f}  auc {auc:.3f}")

    model.load_state_dict(best_state)
    torch.save(model.state_dict(), "glaze_crazing_mlp.pt")
    test_auc = evaluate(model, test_dl)
    print(f"best epoch {best_epoch} (val ROC AUC {best_auc:.3f}): test ROC AUC {test_auc:.3f}")


if __name__ == "__main__":
    main()
