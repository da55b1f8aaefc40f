# label: leakage/none
"""Reformer pilates studios: when a customer's intro offer (3 weeks unlimited)
ends, score their chance of taking a monthly membership, so the front desk
knows whom to phone first."""
import numpy as np
import pandas as pd
import torch
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import train_test_split
from torch import nn

STUDIOS = ["north_quay", "old_town", "riverside", "station_road"]
CHANNELS = ["instagram", "google", "referral", "walk_in", "classpass", "corporate"]
SLOTS = ["early", "midday", "evening", "weekend"]
NUMERIC = ["age", "distance_km", "classes_booked", "classes_attended", "late_cancels",
           "days_to_first_class", "distinct_instructors", "intro_price_paid",
           "referred_by_member", "parq_flag"]


def load_customers(path="crm/intro_offers.csv", payments_path="billing/payments.csv"):
    df = pd.read_csv(path, parse_dates=["intro_start"])
    df = df[df["intro_start"] < "2024-05-01"].copy()
    payments = pd.read_csv(payments_path, parse_dates=["paid_at"])
    paid = (
        payments.sort_values("paid_at")
        .groupby("customer_id")
        .agg(intro_price_paid=("amount", "first"))
    )
    df = df.join(paid, on="customer_id")
    df["distance_km"] = df["distance_km"].clip(upper=30)
    df["days_to_first_class"] = df["days_to_first_class"].fillna(21)
    for col, vocab in [("studio", STUDIOS), ("channel", CHANNELS), ("preferred_slot", SLOTS)]:
        df[col] = pd.Categorical(df[col], categories=vocab)
    return df


def design_matrix(df):
    dummies = pd.get_dummies(df[["studio", "channel", "preferred_slot"]], dtype="float32")
    return pd.concat([df[NUMERIC].astype("float32"), dummies], axis=1).to_numpy()


class ConversionMLP(nn.Module):
    def __init__(self, n_in):
        super().__init__()
        self.net = nn.Sequential(
            nn.Linear(n_in, 64), nn.ReLU(), nn.Dropout(0.2),
            nn.Linear(64, 32), nn.ReLU(),
            nn.Linear(32, 1),
        )

    def forward(self, x):
        return self.net(x).squeeze(-1)


def train_model(X, y, epochs=60, lr=1e-3, seed=0):
    torch.manual_seed(seed)
    model = ConversionMLP(X.shape[1])
    opt = torch.optim.Adam(model.parameters(), lr=lr, weight_decay=1e-4)
    pos_weight = torch.tensor((1 - y.mean()) / y.mean(), dtype=torch.float32)
    loss_fn = nn.BCEWithLogitsLoss(pos_weight=pos_weight)
    Xt, yt = torch.tensor(X), torch.tensor(y, dtype=torch.float32)
    loader = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(Xt, yt), batch_size=128, shuffle=True)
    for epoch in range(epochs):
        model.train()
        for xb, yb in loader:
            opt.zero_grad()
            loss_fn(model(xb), yb).backward()
            opt.step()
    return model


def main():
    df = load_customers()
    X = design_matrix(df)
    y = df["converted"].to_numpy(dtype="float32")
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, stratify=y, random_state=4)

    mu, sd = X_train.mean(axis=0), X_train.std(axis=0) + 1e-6
    X_train, X_test = (X_train - mu) / sd, (X_test - mu) / sd

    model = train_model(X_train.astype("float32"), y_train)
    model.eval()
    with torch.no_grad():
        p_test = torch.sigmoid(model(torch.tensor(X_test.astype("float32")))).numpy()

    print(f"customers: train {len(y_train)}, test {len(y_test)}, conversion {y.mean():.1%}")
    print(f"test ROC AUC: {roc_auc_score(y_test, p_test):.3f}")
    order = np.argsort(-p_test)
    for share in (0.1, 0.25, 0.5):
        k = int(share * len(order))
        print(f"top {share:.0%}: conversion {y_test[order[:k]].mean():.1%} "
              f"(captures {y_test[order[:k]].sum() / y_test.sum():.1%} of converters)")


if __name__ == "__main__":
    main()
