# label: leakage/none
"""Prioritising the regional reviewer queue for a citizen-science bird survey.

Each submitted checklist is either accepted or flagged for follow-up by a regional
reviewer (unusual counts, out-of-season species, implausible effort). Score new
submissions so the most likely problems are looked at first.
"""
import numpy as np
import pandas as pd
import statsmodels.formula.api as smf
from sklearn.metrics import average_precision_score, roc_auc_score

CUTOFF = pd.Timestamp("2024-03-01")
PRIOR_K = 10  # pseudo-checklists for shrinking small observers towards the overall rate

lists = pd.read_parquet("survey/checklists.parquet")
reviews = pd.read_csv("survey/review_outcomes.csv")  # checklist_id, decision
regions = pd.read_csv("survey/region_filters.csv")   # region_code, n_filter_species

df = lists.merge(reviews, on="checklist_id").merge(regions, on="region_code", how="left")
df["flagged"] = (df["decision"] == "flag").astype(int)
df = df.sort_values("submitted_at").reset_index(drop=True)

df["hour"] = df["obs_start"].dt.hour + df["obs_start"].dt.minute / 60
df["doy"] = df["obs_start"].dt.dayofyear
df["night"] = ((df["hour"] < 5) | (df["hour"] > 21)).astype(int)
df["species_per_hr"] = df["n_species"] / (df["duration_min"].clip(lower=5) / 60)
df["rare_share"] = df["n_rare_species"] / df["n_species"].clip(lower=1)
df["distance_km"] = df["distance_km"].fillna(0).clip(upper=20)

is_train = df["submitted_at"] < CUTOFF
base_rate = df.loc[is_train, "flagged"].mean()

# observer track record
g = df.groupby("observer_id")
df["observer_n_prior"] = g.cumcount()
flag_sum = g["flagged"].cumsum() - df["flagged"]
n_lists = df["observer_n_prior"]
df["observer_flag_rate"] = (flag_sum + PRIOR_K * base_rate) / (n_lists + PRIOR_K)

train, test = df[is_train], df[~is_train]
print(f"train {len(train)}  test {len(test)}  flag rate {base_rate:.2%}")

formula = (
    "flagged ~ np.log1p(n_species) + np.log1p(species_per_hr) + rare_share"
    " + np.log1p(duration_min) + distance_km + C(protocol) + all_species_reported"
    " + night + np.sin(2 * np.pi * doy / 365.25) + np.cos(2 * np.pi * doy / 365.25)"
    " + n_filter_species + np.log1p(observer_n_prior) + observer_flag_rate"
)
fit = smf.logit(formula, data=train).fit(method="bfgs", maxiter=500, disp=False)
print(fit.summary2().tables[1].round(3))

p = fit.predict(test)
print(f"\nROC AUC {roc_auc_score(test['flagged'], p):.3f}")
print(f"PR AUC  {average_precision_score(test['flagged'], p):.3f}")

# queue view: share of flags the reviewer sees in the first 10% of checklists opened
order = np.argsort(-p.to_numpy())
top = order[: max(1, len(order) // 10)]
caught = test["flagged"].to_numpy()[top].sum() / test["flagged"].sum()
print(f"flags in top decile of queue: {caught:.1%}")
