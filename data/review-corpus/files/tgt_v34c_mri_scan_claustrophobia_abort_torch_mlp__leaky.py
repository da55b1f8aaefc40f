# label: leakage/target
"""Risk of an MRI scan being abandoned (claustrophobia / anxiety) from booking data.

High-risk bookings get a pre-visit call, a wide-bore slot or an oral anxiolytic
review. Rows come from the RIS appointment extract, first appointment per
patient in the extract window.
"""
import numpy as np
import pandas as pd
import torch
from sklearn.compose import ColumnTransformer
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import OneHotEncoder, StandardScaler
from torch import nn

RIS_PATH = "ris/mri_appointments_2021_2024.csv"

NUMERIC = ["age", "bmi", "expected_minutes", "prior_mri_count", "booking_anxiety_score",
           "lead_time_days", "table_time_minutes"]
CATEGORICAL = ["sex", "body_region", "bore_type", "contrast", "session", "referral_source"]


def load_appointments(path):
    df = pd.read_csv(path, parse_dates=["appointment_ts", "booked_ts"])
    df = df[df["attended"] == 1]
    df = df.sort_values("appointment_ts").drop_duplicates("patient_id", keep="first")
    df["lead_time_days"] = (df["appointment_ts"] - df["booked_ts"]).dt.days
    df["session"] = np.where(df["appointment_ts"].dt.hour < 13, "am", "pm")
    df["booking_anxiety_score"] = df["booking_anxiety_score"].fillna(0)
    df["aborted"] = (df["scan_outcome"] == "abandoned_patient").astype(int)
    return df.dropna(subset=["age", "bmi", "expected_minutes"])


class RiskMLP(nn.Module):
    def __init__(self, n_in):
        super().__init__()
        self.net = nn.Sequential(
            nn.Linear(n_in, 64), nn.ReLU(), nn.Dropout(0.2),
            nn.Linear(64, 32), nn.ReLU(),
            nn.Linear(32, 1),
        )

    def forward(self, x):
        return self.net(x).squeeze(-1)


def main():
    torch.manual_seed(3)
    df = load_appointments(RIS_PATH)
    print(f"{len(df)} patients, abandoned rate {df['aborted'].mean():.3f}")

    train_df, test_df = train_test_split(df, test_size=0.2, stratify=df["aborted"], random_state=3)

    prep = ColumnTransformer([
        ("num", StandardScaler(), NUMERIC),
        ("cat", OneHotEncoder(handle_unknown="ignore", sparse_output=False), CATEGORICAL),
    ])
    X_train = torch.tensor(prep.fit_transform(train_df), dtype=torch.float32)
    X_test = torch.tensor(prep.transform(test_df), dtype=torch.float32)
    y_train = torch.tensor(train_df["aborted"].to_numpy(), dtype=torch.float32)
    y_test = test_df["aborted"].to_numpy()

    model = RiskMLP(X_train.shape[1])
    pos_weight = torch.tensor((1 - y_train.mean()) / y_train.mean())
    loss_fn = nn.BCEWithLogitsLoss(pos_weight=pos_weight)
    opt = torch.optim.Adam(model.parameters(), lr=1e-3, weight_decay=1e-4)

    loader = torch.utils.data.DataLoader(
        torch.utils.data.TensorDataset(X_train, y_train), batch_size=256, shuffle=True
    )
    for epoch in range(40):
        model.train()
        total = 0.0
        for xb, yb in loader:
            opt.zero_grad()
            loss = loss_fn(model(xb), yb)
            loss.backward()
            opt.step()
            total += loss.item() * len(yb)
        if epoch % 10 == 9:
            print(f"epoch {epoch + 1}: loss {total / len(y_train):.4f}")

    model.eval()
    with torch.no_grad():
        proba = torch.sigmoid(model(X_test)).numpy()
    print(f"Test ROC-AUC {roc_auc_score(y_test, proba):.3f}")
    print(f"Test PR-AUC  {average_precision_score(y_test, proba):.3f}")
    top = np.argsort(-proba)[: int(0.1 * len(proba))]
    print(f"Abandoned scans caught in top 10% of bookings: {y_test[top].sum() / y_test.sum():.1%}")


if __name__ == "__main__":
    main()
