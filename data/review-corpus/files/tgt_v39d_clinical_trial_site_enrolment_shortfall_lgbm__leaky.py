# label: leakage/target
"""Feasibility scoring for investigator sites.

For each site activated on one of our sponsored studies, predict whether it ends
recruitment below half of its contracted enrolment target. Scores feed the site
selection shortlist for new protocols, so evaluation holds out whole studies.
"""
import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import GroupShuffleSplit

CATEGORICAL = ["therapeutic_area", "phase", "country", "site_type", "pi_specialty"]
NUMERIC = [
    "contracted_target", "protocol_visits", "eligibility_criteria", "procedures_per_visit",
    "pi_prior_studies", "pi_prior_studies_same_area", "coordinator_fte",
    "competing_studies_at_site", "catchment_population_k", "activation_lag_days",
    "startup_days", "patients_screened",
]


def build_frame(path):
    sites = pd.read_csv(path, parse_dates=["study_fpi", "site_activated_on"])
    sites = sites[sites["site_status"].isin(["closed", "completed"])]
    sites["activation_lag_days"] = (sites["site_activated_on"] - sites["study_fpi"]).dt.days
    sites["shortfall"] = (sites["randomised"] < 0.5 * sites["contracted_target"]).astype(int)
    for col in CATEGORICAL:
        sites[col] = sites[col].astype("category")
    return sites


sites = build_frame("ctms/site_activation_extract.csv")
print(f"{sites['study_id'].nunique()} studies, {len(sites)} sites, shortfall rate {sites['shortfall'].mean():.1%}")

features = CATEGORICAL + NUMERIC
gss = GroupShuffleSplit(n_splits=1, test_size=0.25, random_state=13)
train_idx, test_idx = next(gss.split(sites, groups=sites["study_id"]))
train, test = sites.iloc[train_idx], sites.iloc[test_idx]

params = dict(
    objective="binary",
    learning_rate=0.03,
    num_leaves=15,
    min_child_samples=25,
    feature_fraction=0.8,
    bagging_fraction=0.8,
    bagging_freq=1,
    lambda_l2=2.0,
    verbose=-1,
    seed=13,
)
booster = lgb.train(
    params,
    lgb.Dataset(train[features], train["shortfall"], categorical_feature=CATEGORICAL),
    num_boost_round=600,
)

p = booster.predict(test[features])
print(f"held-out studies: {test['study_id'].nunique()}")
print(f"ROC AUC: {roc_auc_score(test['shortfall'], p):.3f}")
print(f"PR AUC:  {average_precision_score(test['shortfall'], p):.3f}")

gain = pd.Series(booster.feature_importance("gain"), index=features).sort_values(ascending=False)
print((gain / gain.sum()).head(10).round(3).to_string())

# shortfall share among the riskiest fifth of sites
cut = np.quantile(p, 0.8)
flagged = test[p >= cut]
print(f"flagged {len(flagged)} sites, {flagged['shortfall'].mean():.1%} of them fell short "
      f"vs {test['shortfall'].mean():.1%} overall")
