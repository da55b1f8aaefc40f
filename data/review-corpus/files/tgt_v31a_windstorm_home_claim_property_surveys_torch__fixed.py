# label: leakage/none
# Which household policies will lodge a claim after a named windstorm?
# Trained on Storm Ciaran (Nov 2023) so that the claims team can pre-position
# loss adjusters and roofers in the highest-risk postcodes for the next event.
import numpy as np
import pandas as pd
import torch
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler
from torch import nn

STORM_DATE = pd.Timestamp("2023-11-02")
CLAIM_WINDOW_DAYS = 30
torch.manual_seed(0)

policies = pd.read_parquet("warehouse/household_policies_inforce_2023-11-01.parquet")
claims = pd.read_parquet("warehouse/claims_peril_storm.parquet")
surveys = pd.read_parquet("warehouse/property_surveys.parquet")  # policy_id, survey_date, roof_score, trees_near, reason
exposure = pd.read_parquet("warehouse/postcode_gust_footprint_ciaran.parquet")  # postcode, max_gust_ms

claimed = claims.loc[
    claims["loss_date"].between(STORM_DATE, STORM_DATE + pd.Timedelta(days=CLAIM_WINDOW_DAYS)), "policy_id"
].unique()
policies["claimed"] = policies["policy_id"].isin(claimed).astype(np.float32)

survey_feats = (
    surveys[surveys["survey_date"] < STORM_DATE]
    .sort_values("survey_date")
    .groupby("policy_id")
    .agg(n_surveys=("survey_date", "size"), last_roof_score=("roof_score", "last"),
         trees_near=("trees_near", "max"))
)
df = policies.merge(exposure, on="postcode", how="left").join(survey_feats, on="policy_id")
df["has_survey"] = df["n_surveys"].notna().astype(np.float32)
df = df.fillna({"n_surveys": 0, "last_roof_score": 0, "trees_near": 0})
df["property_age"] = 2023 - df["build_year"]
df["flat_roof"] = df["roof_type"].eq("flat").astype(np.float32)
df["coastal"] = (df["dist_coast_km"] < 5).astype(np.float32)

FEATURES = ["max_gust_ms", "property_age", "storeys", "flat_roof", "coastal", "sum_insured_k",
            "voluntary_excess", "prior_claims_5y", "n_surveys", "last_roof_score", "trees_near",
            "has_survey", "elevation_m"]

train, test = train_test_split(df, test_size=0.2, stratify=df["claimed"], random_state=31)
scaler = StandardScaler().fit(train[FEATURES])
X_tr = torch.tensor(scaler.transform(train[FEATURES]), dtype=torch.float32)
X_te = torch.tensor(scaler.transform(test[FEATURES]), dtype=torch.float32)
y_tr = torch.tensor(train["claimed"].to_numpy()).unsqueeze(1)

net = nn.Sequential(
    nn.Linear(len(FEATURES), 64), nn.ReLU(), nn.Dropout(0.2),
    nn.Linear(64, 32), nn.ReLU(),
    nn.Linear(32, 1),
)
pos_weight = torch.tensor([(1 - y_tr.mean()) / y_tr.mean()])
loss_fn = nn.BCEWithLogitsLoss(pos_weight=pos_weight)
opt = torch.optim.Adam(net.parameters(), lr=1e-3, weight_decay=1e-5)

loader = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(X_tr, y_tr), batch_size=512, shuffle=True)
for epoch in range(25):
    net.train()
    for xb, yb in loader:
        opt.zero_grad()
        loss_fn(net(xb), yb).backward()
        opt.step()

net.eval()
with torch.no_grad():
    p_test = torch.sigmoid(net(X_te)).squeeze(1).numpy()

print(f"claim rate {test['claimed'].mean():.2%} across {len(test)} test policies")
print(f"test AUC {roc_auc_score(test['claimed'], p_test):.3f}")
top = test.assign(p=p_test).nlargest(int(0.05 * len(test)), "p")
print(f"claim rate in top 5% scored: {top['claimed'].mean():.2%}")
