# label: leakage/preprocessing
"""Predict listening-panel clarity scores of condenser microphone capsules from measured response curves."""
import numpy as np
import pandas as pd
from sklearn.decomposition import FactorAnalysis
from sklearn.linear_model import RidgeCV
from sklearn.metrics import mean_absolute_error, r2_score
from sklearn.model_selection import GroupShuffleSplit
from sklearn.preprocessing import StandardScaler

N_FACTORS = 6

capsules = pd.read_parquet("capsule_measurements.parquet")
panel = pd.read_csv("listening_panel_scores.csv")

# several listeners score each capsule; use the mean score
clarity = panel.groupby("capsule_id", as_index=False)["clarity"].mean()
df = capsules.merge(clarity, on="capsule_id", how="inner")

band_cols = [c for c in df.columns if c.startswith("resp_db_") and c != "resp_db_1000hz"]
df = df.dropna(subset=band_cols + ["resp_db_1000hz", "clarity"])
# express every curve relative to its own 1 kHz level
df[band_cols] = df[band_cols].sub(df["resp_db_1000hz"], axis=0)

fa = FactorAnalysis(n_components=N_FACTORS, rotation="varimax", random_state=0)
factors = fa.fit_transform(df[band_cols])
for k in range(N_FACTORS):
    df[f"factor_{k}"] = factors[:, k]

geometry = ["diaphragm_um", "backplate_gap_um", "capsule_diam_mm", "polarisation_v", "self_noise_dba"]
features = geometry + [f"factor_{k}" for k in range(N_FACTORS)]

# capsules from one production batch share a membrane roll, so split by batch
gss = GroupShuffleSplit(n_splits=1, test_size=0.25, random_state=4)
train_idx, test_idx = next(gss.split(df, groups=df["batch_id"]))
train, test = df.iloc[train_idx].copy(), df.iloc[test_idx].copy()
print(len(train), "train capsules,", len(test), "test capsules")

scaler = StandardScaler().fit(train[features])
model = RidgeCV(alphas=np.logspace(-2, 3, 30))
model.fit(scaler.transform(train[features]), train["clarity"])
pred = model.predict(scaler.transform(test[features]))

print("alpha:", round(model.alpha_, 3))
print("test MAE:", round(mean_absolute_error(test["clarity"], pred), 3))
print("test R2:", round(r2_score(test["clarity"], pred), 3))

coef = pd.Series(model.coef_, index=features).sort_values()
print(coef.round(3))
loadings = pd.DataFrame(fa.components_.T, index=band_cols, columns=[f"factor_{k}" for k in range(N_FACTORS)])
print(loadings.abs().idxmax())
