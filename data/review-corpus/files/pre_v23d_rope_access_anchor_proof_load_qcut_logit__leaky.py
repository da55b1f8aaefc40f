# label: leakage/preprocessing
"""Estimate the probability that a rope-access anchor holds its proof load from installation and survey records."""
import numpy as np
import pandas as pd
import statsmodels.formula.api as smf
from sklearn.metrics import brier_score_loss, roc_auc_score
from sklearn.model_selection import GroupShuffleSplit

BINNED = {"age_years": 5, "rebound_r": 4, "install_torque_nm": 4}

tests = pd.read_csv("anchor_proof_tests.csv", parse_dates=["test_date"])
sites = pd.read_csv("survey_sites.csv")
df = tests.merge(sites[["site_id", "coastal"]], on="site_id", how="left")

df = df.dropna(subset=["held_proof_load", "embed_depth_mm", "drill_diameter_mm", "age_years"])
df = df[df["substrate"].isin(["concrete", "brick", "granite", "sandstone"])].copy()
df["held"] = df["held_proof_load"].astype(int)
df["depth_ratio"] = df["embed_depth_mm"] / df["drill_diameter_mm"]
df["chemical"] = (df["anchor_type"] == "resin").astype(int)
df["corrosion"] = df["corrosion_score"].fillna(0).clip(0, 4)
df["coastal"] = df["coastal"].fillna(0).astype(int)

# quantile bands for the nonlinear inputs
for col, q in BINNED.items():
    df[col + "_band"] = pd.qcut(df[col], q=q, labels=False, duplicates="drop")

# whole survey sites go to one side of the split
gss = GroupShuffleSplit(n_splits=1, test_size=0.3, random_state=21)
tr_idx, te_idx = next(gss.split(df, groups=df["site_id"]))
train, test = df.iloc[tr_idx], df.iloc[te_idx]
print(f"train {len(train)} anchors, test {len(test)} anchors, pass rate {train['held'].mean():.2f}")

formula = ("held ~ C(substrate) + chemical + depth_ratio + corrosion + coastal"
           " + C(age_years_band) + C(rebound_r_band) + C(install_torque_nm_band)")
fit = smf.logit(formula, data=train).fit(disp=False, maxiter=200)
print(fit.summary2().tables[1][["Coef.", "Std.Err.", "P>|z|"]].round(3))

p_test = fit.predict(test)
print(f"\ntest ROC AUC: {roc_auc_score(test['held'], p_test):.3f}")
print(f"test Brier:   {brier_score_loss(test['held'], p_test):.4f}")

# how many anchors would be flagged for re-drilling at a 90% hold probability
flag = p_test < 0.9
fails_caught = ((test["held"] == 0) & flag).sum() / max((test["held"] == 0).sum(), 1)
print(f"flagged {flag.mean():.1%} of anchors, catching {fails_caught:.1%} of failures")
odds = np.exp(fit.params.filter(like="age_years_band")).round(2)
print("age band odds ratios vs youngest band:", odds.to_dict())
