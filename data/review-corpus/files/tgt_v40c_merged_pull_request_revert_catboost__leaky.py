# label: leakage/target
"""Revert risk for pull requests merged to the monorepo's main branch.

A PR counts as reverted if a revert commit referencing it lands within 30 days
of the merge. The score is meant to be posted on the PR at merge time so that
risky changes get a staged rollout.
"""
import pandas as pd
from catboost import CatBoostClassifier, Pool
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import train_test_split

PRS = "data/merged_prs_2023.parquet"

CAT_FEATURES = ["service_area", "primary_language", "merge_weekday", "author_team"]
NUM_FEATURES = [
    "lines_added", "lines_deleted", "files_changed", "dirs_touched",
    "author_tenure_months", "author_prior_merges", "review_comments_pre_merge",
    "approvals", "review_rounds", "hours_open", "ci_minutes", "ci_retries",
    "touches_migrations", "touches_config", "tests_changed", "merge_hour",
    "linked_incidents",
]


def load_prs(path):
    df = pd.read_parquet(path)
    df = df[~df["is_revert"] & ~df["author_is_bot"]]
    df = df.sort_values("merged_at")
    df["author_prior_merges"] = df.groupby("author_id").cumcount()
    df["merge_hour"] = df["merged_at"].dt.hour
    df["merge_weekday"] = df["merged_at"].dt.day_name()
    df["hours_open"] = (df["merged_at"] - df["opened_at"]).dt.total_seconds() / 3600
    df["reverted_30d"] = (
        (df["reverted_at"] - df["merged_at"]).dt.days.le(30).fillna(False).astype(int)
    )
    for col in CAT_FEATURES:
        df[col] = df[col].fillna("unknown").astype(str)
    return df


def main():
    prs = load_prs(PRS)
    features = CAT_FEATURES + NUM_FEATURES
    train, test = train_test_split(
        prs, test_size=0.2, stratify=prs["reverted_30d"], random_state=12
    )

    model = CatBoostClassifier(
        iterations=800,
        depth=6,
        learning_rate=0.05,
        l2_leaf_reg=5,
        auto_class_weights="Balanced",
        random_seed=0,
        verbose=200,
    )
    model.fit(Pool(train[features], train["reverted_30d"], cat_features=CAT_FEATURES))

    p = model.predict_proba(Pool(test[features], cat_features=CAT_FEATURES))[:, 1]
    y = test["reverted_30d"].to_numpy()
    print(f"PRs train/test: {len(train)}/{len(test)}")
    print(f"revert rate (test): {y.mean():.2%}")
    print(f"ROC AUC: {roc_auc_score(y, p):.3f}")
    print(f"PR AUC:  {average_precision_score(y, p):.3f}")

    importance = model.get_feature_importance(prettified=True)
    print(importance.head(10).to_string(index=False))

    # staged rollout budget: the 5% highest-scored merges
    k = max(1, int(0.05 * len(test)))
    top = test.assign(score=p).nlargest(k, "score")
    print(f"reverts caught in top 5%: {top['reverted_30d'].sum()} of {y.sum()}")


if __name__ == "__main__":
    main()
