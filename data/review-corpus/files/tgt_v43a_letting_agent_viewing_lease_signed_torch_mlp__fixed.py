# label: leakage/none
"""Score accompanied viewings by the chance the viewer goes on to sign.

Negotiators use the score to decide which viewers get a same-day follow-up
call. One row per viewing from the branch CRM.
"""
import numpy as np
import pandas as pd
import torch
from sklearn.compose import ColumnTransformer
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import GroupShuffleSplit
from sklearn.preprocessing import OneHotEncoder, StandardScaler
from torch import nn

NUMERIC = [
    "rent_pcm", "bedrooms", "days_on_market", "viewer_income_to_rent",
    "viewer_household_size", "viewer_prior_viewings", "minutes_late",
    "property_prior_viewings",
]
CATEGORICAL = ["branch", "property_type", "furnishing", "viewing_type",
               "viewer_source", "employment_status", "pets"]


class ViewingNet(nn.Module):
    def __init__(self, n_in: int):
        super().__init__()
        self.net = nn.Sequential(
            nn.Linear(n_in, 128), nn.ReLU(), nn.Dropout(0.2),
            nn.Linear(128, 32), nn.ReLU(),
            nn.Linear(32, 1),
        )

    def forward(self, x):
        return self.net(x).squeeze(1)


def load(path: str) -> pd.DataFrame:
    v = pd.read_csv(path, parse_dates=["viewing_at", "listed_at"])
    v = v[v["viewing_status"] == "attended"].sort_values("viewing_at").copy()
    v["viewer_prior_viewings"] = v.groupby("viewer_id").cumcount()
    v["property_prior_viewings"] = v.groupby("property_id").cumcount()
    v["days_on_market"] = (v["viewing_at"] - v["listed_at"]).dt.days
    v["viewer_income_to_rent"] = v["viewer_annual_income"] / (12 * v["rent_pcm"])
    v["minutes_late"] = v["minutes_late"].clip(lower=0).fillna(0)
    v[CATEGORICAL] = v[CATEGORICAL].fillna("unknown")
    v["signed"] = v["tenancy_signed"].astype(int)
    return v


def train_net(X, y, epochs=40, lr=1e-3, pos_weight=1.0):
    torch.manual_seed(17)
    net = ViewingNet(X.shape[1])
    opt = torch.optim.Adam(net.parameters(), lr=lr)
    loss_fn = nn.BCEWithLogitsLoss(pos_weight=torch.tensor(pos_weight))
    ds = torch.utils.data.TensorDataset(torch.tensor(X, dtype=torch.float32),
                                        torch.tensor(y, dtype=torch.float32))
    loader = torch.utils.data.DataLoader(ds, batch_size=128, shuffle=True)
    for epoch in range(epochs):
        net.train()
        total = 0.0
        for xb, yb in loader:
            opt.zero_grad()
            loss = loss_fn(net(xb), yb)
            loss.backward()
            opt.step()
            total += loss.item() * len(xb)
        if epoch % 10 == 9:
            print(f"epoch {epoch + 1}: train loss {total / len(ds):.4f}")
    return net


def main():
    df = load("crm/viewings_2022_2024.csv")
    print(f"{len(df)} viewings, sign rate {df['signed'].mean():.1%}")
    # keep every viewing by the same applicant on one side
    gss = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=17)
    tr_idx, te_idx = next(gss.split(df, groups=df["viewer_id"]))
    train_df, test_df = df.iloc[tr_idx], df.iloc[te_idx]

    prep = ColumnTransformer([
        ("num", StandardScaler(), NUMERIC),
        ("cat", OneHotEncoder(handle_unknown="ignore", min_frequency=20,
                              sparse_output=False), CATEGORICAL),
    ])
    X_train = prep.fit_transform(train_df).astype(np.float32)
    X_test = prep.transform(test_df).astype(np.float32)
    y_train = train_df["signed"].to_numpy()
    y_test = test_df["signed"].to_numpy()

    pos_weight = (y_train == 0).sum() / max((y_train == 1).sum(), 1)
    net = train_net(X_train, y_train, pos_weight=pos_weight)

    net.eval()
    with torch.no_grad():
        p = torch.sigmoid(net(torch.tensor(X_test))).numpy()
    print(f"ROC AUC: {roc_auc_score(y_test, p):.3f}")
    print(f"PR AUC:  {average_precision_score(y_test, p):.3f}")

    top = np.argsort(-p)[: int(0.2 * len(p))]
    print(f"sign rate in top 20% of scores: {y_test[top].mean():.1%}")


if __name__ == "__main__":
    main()
