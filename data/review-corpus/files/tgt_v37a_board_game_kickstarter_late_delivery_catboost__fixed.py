# label: leakage/none
import numpy as np
import pandas as pd
from catboost import CatBoostClassifier, Pool
from sklearn.metrics import brier_score_loss, roc_auc_score
from sklearn.model_selection import train_test_split

# Tabletop campaigns funded 2017-2022; project pages scraped March 2024.
projects = pd.read_csv("scrape/tabletop_campaigns_2024_03.csv", parse_dates=["launch_date", "end_date", "est_delivery"])
projects = projects[projects["state"] == "successful"].copy()
projects = projects[projects["est_delivery"] < "2023-06-01"]

# delivered more than two months after the estimate shown on the page at funding time
projects["late"] = (
    (projects["actual_delivery"].isna())
    | (pd.to_datetime(projects["actual_delivery"]) > projects["est_delivery"] + pd.DateOffset(months=2))
).astype(int)

projects["campaign_days"] = (projects["end_date"] - projects["launch_date"]).dt.days
projects["months_to_estimate"] = (projects["est_delivery"] - projects["end_date"]).dt.days / 30.4
projects["funded_ratio"] = projects["pledged_usd"] / projects["goal_usd"]
projects["log_backers"] = np.log1p(projects["backers"])
projects["pledge_per_backer"] = projects["pledged_usd"] / projects["backers"].clip(lower=1)
projects["launch_year"] = projects["launch_date"].dt.year

CAT = ["creator_country", "manufacturer_region", "publisher_type", "game_category", "launch_year"]
NUM = [
    "funded_ratio",
    "log_backers",
    "pledge_per_backer",
    "campaign_days",
    "months_to_estimate",
    "reward_tiers",
    "stretch_goals_unlocked",
    "addons_offered",
    "component_count",
    "has_miniatures",
    "creator_prior_projects",
    "creator_prior_late",
    "updates_during_campaign",
]
for c in CAT:
    projects[c] = projects[c].fillna("missing").astype(str)


def pool(df):
    return Pool(df[CAT + NUM], label=df["late"], cat_features=CAT)


train, test = train_test_split(projects, test_size=0.2, stratify=projects["late"], random_state=99)
train, valid = train_test_split(train, test_size=0.2, stratify=train["late"], random_state=99)

model = CatBoostClassifier(
    iterations=3000,
    learning_rate=0.03,
    depth=6,
    l2_leaf_reg=4,
    eval_metric="AUC",
    od_type="Iter",
    od_wait=150,
    random_seed=99,
    verbose=250,
)
model.fit(pool(train), eval_set=pool(valid), use_best_model=True)

p = model.predict_proba(pool(test))[:, 1]
print(f"campaigns: {len(projects):,}  late share: {projects['late'].mean():.1%}")
print(f"test ROC AUC: {roc_auc_score(test['late'], p):.3f}")
print(f"test Brier:   {brier_score_loss(test['late'], p):.4f}")

fi = model.get_feature_importance(prettified=True)
print(fi.head(10).to_string(index=False))
