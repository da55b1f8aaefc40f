# label: leakage/none
"""Return-within-trial risk for made-to-order sofas, scored at checkout.

Customers get a 100-night home trial; a return costs two-person collection and
refurbishment, so high-risk baskets are offered a fabric swatch pack first.
"""
import numpy as np
import pandas as pd
import torch
import torch.nn as nn
from sklearn.compose import ColumnTransformer
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.preprocessing import OneHotEncoder, StandardScaler

TRIAL_DAYS = 100
CUTOFF = pd.Timestamp("2024-03-01")
torch.manual_seed(0)

NUMERIC = ["price_gbp", "discount_pct", "seats", "width_cm", "delivery_lead_days",
           "customer_prior_orders", "basket_items"]
BINARY = ["swatch_ordered", "showroom_visit", "custom_configuration", "finance_plan"]
CATEGORICAL = ["fabric_family", "colour_family", "channel", "region", "frame_style"]


def load_orders(path="warehouse/sofa_orders.parquet"):
    df = pd.read_parquet(path)
    df = df[df["order_status"].isin(["delivered", "returned"])].copy()
    df = df.sort_values("ordered_at").reset_index(drop=True)
    df["returned"] = (df["order_status"] == "returned").astype(int)
    df["delivery_lead_days"] = (df["promised_delivery"] - df["ordered_at"]).dt.days
    df["customer_prior_orders"] = df.groupby("customer_id").cumcount()
    return df


class ReturnNet(nn.Module):
    def __init__(self, n_in):
        super().__init__()
        self.net = nn.Sequential(
            nn.Linear(n_in, 128), nn.ReLU(), nn.Dropout(0.2),
            nn.Linear(128, 64), nn.ReLU(), nn.Dropout(0.2),
            nn.Linear(64, 1),
        )

    def forward(self, x):
        return self.net(x).squeeze(-1)


def to_tensor(a):
    return torch.tensor(np.asarray(a, dtype=np.float32))


def train_net(X_tr, y_tr, X_va, y_va, epochs=60, batch_size=256):
    model = ReturnNet(X_tr.shape[1])
    pos_weight = torch.tensor((1 - y_tr.mean()) / y_tr.mean(), dtype=torch.float32)
    loss_fn = nn.BCEWithLogitsLoss(pos_weight=pos_weight)
    opt = torch.optim.Adam(model.parameters(), lr=1e-3, weight_decay=1e-5)
    Xt, yt, Xv = to_tensor(X_tr), to_tensor(y_tr), to_tensor(X_va)
    best_ap, best_state = -1.0, None
    for epoch in range(epochs):
        model.train()
        perm = torch.randperm(len(Xt))
        for i in range(0, len(Xt), batch_size):
            idx = perm[i:i + batch_size]
            opt.zero_grad()
            loss = loss_fn(model(Xt[idx]), yt[idx])
            loss.backward()
            opt.step()
        model.eval()
        with torch.no_grad():
            ap = average_precision_score(y_va, torch.sigmoid(model(Xv)).numpy())
        if ap > best_ap:
            best_ap, best_state = ap, {k: v.clone() for k, v in model.state_dict().items()}
    model.load_state_dict(best_state)
    return model, best_ap


def main():
    df = load_orders()
    closed = df["delivered_at"] + pd.Timedelta(days=TRIAL_DAYS) < CUTOFF
    train = df[closed]
    test = df[df["ordered_at"] >= CUTOFF]
    n_val = int(0.15 * len(train))
    fit_part, val_part = train.iloc[:-n_val], train.iloc[-n_val:]

    prep = ColumnTransformer([
        ("num", StandardScaler(), NUMERIC),
        ("bin", "passthrough", BINARY),
        ("cat", OneHotEncoder(handle_unknown="ignore", min_frequency=20, sparse_output=False), CATEGORICAL),
    ])
    X_fit = prep.fit_transform(fit_part)
    X_val, X_test = prep.transform(val_part), prep.transform(test)
    y_fit, y_val, y_test = (d["returned"].to_numpy() for d in (fit_part, val_part, test))

    model, val_ap = train_net(X_fit, y_fit, X_val, y_val)
    model.eval()
    with torch.no_grad():
        p_test = torch.sigmoid(model(to_tensor(X_test))).numpy()

    print(f"orders: fit {len(fit_part)}, val {len(val_part)}, test {len(test)}")
    print(f"return rate (test) {y_test.mean():.1%}; val AP {val_ap:.3f}")
    print(f"test ROC AUC {roc_auc_score(y_test, p_test):.3f}")
    print(f"test PR AUC  {average_precision_score(y_test, p_test):.3f}")
    top = np.argsort(-p_test)[: int(0.1 * len(p_test))]
    print(f"returns caught in top 10% of risk: {y_test[top].sum() / y_test.sum():.1%}")


if __name__ == "__main__":
    main()
