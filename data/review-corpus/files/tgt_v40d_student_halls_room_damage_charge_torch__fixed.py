# label: leakage/none
import numpy as np
import pandas as pd
import torch
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.preprocessing import StandardScaler
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

# Residences office: score rooms in January for a mid-year condition visit.
# Label: a damage deduction was taken from the deposit at move-out.
NUMERIC = [
    "contract_weeks",
    "tenant_age",
    "year_of_study",
    "flatmates",
    "maintenance_requests_term1",
    "late_rent_payments_term1",
    "noise_reports_term1",
    "move_in_condition_score",
    "room_size_m2",
    "building_age_years",
]
BINARY = ["international", "ensuite", "returning_resident", "catered"]
SEED = 13

torch.manual_seed(SEED)
np.random.seed(SEED)

tenancies = pd.read_csv("halls_tenancies_2017_2023.csv")
tenancies = tenancies.dropna(subset=["damage_deduction_gbp"])
tenancies["damage_charge"] = (tenancies["damage_deduction_gbp"] > 0).astype(np.float32)
tenancies[NUMERIC] = tenancies[NUMERIC].fillna(0)

# Earlier intakes for fitting, the two most recent academic years for testing
train_df = tenancies[tenancies["academic_year_start"] <= 2021]
test_df = tenancies[tenancies["academic_year_start"] >= 2022]

scaler = StandardScaler().fit(train_df[NUMERIC])


def to_tensors(df):
    x = np.hstack([scaler.transform(df[NUMERIC]), df[BINARY].to_numpy(dtype=np.float32)])
    return (
        torch.tensor(x, dtype=torch.float32),
        torch.tensor(df["damage_charge"].to_numpy(), dtype=torch.float32).unsqueeze(1),
    )


X_train, y_train = to_tensors(train_df)
X_test, y_test = to_tensors(test_df)
loader = DataLoader(TensorDataset(X_train, y_train), batch_size=256, shuffle=True)


class DamageNet(nn.Module):
    def __init__(self, n_in, hidden=64, dropout=0.2):
        super().__init__()
        self.body = nn.Sequential(
            nn.Linear(n_in, hidden),
            nn.ReLU(),
            nn.Dropout(dropout),
            nn.Linear(hidden, hidden // 2),
            nn.ReLU(),
            nn.Dropout(dropout),
            nn.Linear(hidden // 2, 1),
        )

    def forward(self, x):
        return self.body(x)


model = DamageNet(X_train.shape[1])
pos_rate = y_train.mean().item()
pos_weight = torch.tensor([(1 - pos_rate) / pos_rate])
loss_fn = nn.BCEWithLogitsLoss(pos_weight=pos_weight)
optimizer = torch.optim.AdamW(model.parameters(), lr=1e-3, weight_decay=1e-4)

for epoch in range(40):
    model.train()
    running = 0.0
    for xb, yb in loader:
        optimizer.zero_grad()
        loss = loss_fn(model(xb), yb)
        loss.backward()
        optimizer.step()
        running += loss.item() * len(xb)
    if epoch % 10 == 9:
        print(f"epoch {epoch + 1:3d}  train loss {running / len(loader.dataset):.4f}")

model.eval()
with torch.no_grad():
    p_test = torch.sigmoid(model(X_test)).squeeze(1).numpy()

y_true = y_test.squeeze(1).numpy()
print(f"test ROC AUC: {roc_auc_score(y_true, p_test):.3f}")
print(f"test PR AUC : {average_precision_score(y_true, p_test):.3f}")

visits = np.argsort(-p_test)[: int(0.2 * len(p_test))]
print(f"share of deductions caught by visiting top 20%: "
      f"{y_true[visits].sum() / y_true.sum():.2%}")
