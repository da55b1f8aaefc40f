# label: leakage/none
import pandas as pd
from catboost import CatBoostClassifier, Pool
from sklearn.metrics import average_precision_score, f1_score, roc_auc_score

# Retail fit-out jobs from the project tracker. A job is "late" when practical
# completion is signed more than 7 days after the contract handover date.
# Scored at contract award, so the site team can be sized for risky jobs.

PROJECTS = "fitout_projects_2018_2024.xlsx"
CAT_COLS = ["client_sector", "region", "site_manager", "unit_type", "contract_form", "lead_joiner_firm"]
NUM_COLS = [
    "contract_value_k",
    "floor_area_m2",
    "programme_weeks",
    "n_trades",
    "n_variations_at_award",
    "mep_share_pct",
    "bespoke_joinery_pct",
    "listed_building",
    "night_working",
    "mall_unit",
    "lead_time_longest_item_weeks",
    "manager_open_jobs",
]


def load_projects(path):
    df = pd.read_excel(path, sheet_name="jobs")
    df = df[df["status"] == "closed"].copy()
    df["late"] = (
        (df["practical_completion"] - df["contract_handover"]).dt.days > 7
    ).astype(int)
    df["award_quarter"] = df["award_date"].dt.quarter.astype(str)
    for c in CAT_COLS:
        df[c] = df[c].fillna("missing").astype(str)
    return df.sort_values("award_date").reset_index(drop=True)


def main():
    df = load_projects(PROJECTS)
    features = CAT_COLS + ["award_quarter"] + NUM_COLS
    cats = CAT_COLS + ["award_quarter"]

    cutoff = df["award_date"].quantile(0.8)
    train = df[df["award_date"] <= cutoff]
    test = df[df["award_date"] > cutoff]
    print(f"train jobs: {len(train)}  test jobs: {len(test)}  late share: {df['late'].mean():.1%}")

    train_pool = Pool(train[features], train["late"], cat_features=cats)
    test_pool = Pool(test[features], test["late"], cat_features=cats)

    model = CatBoostClassifier(
        iterations=800,
        depth=6,
        learning_rate=0.04,
        l2_leaf_reg=5,
        auto_class_weights="Balanced",
        random_seed=3,
        verbose=0,
    )
    model.fit(train_pool)

    proba = model.predict_proba(test_pool)[:, 1]
    pred = (proba >= 0.5).astype(int)
    print(f"ROC AUC: {roc_auc_score(test['late'], proba):.3f}")
    print(f"PR AUC:  {average_precision_score(test['late'], proba):.3f}")
    print(f"F1:      {f1_score(test['late'], pred):.3f}")

    imp = model.get_feature_importance(train_pool, prettified=True)
    print(imp.head(10).to_string(index=False))

    watch = test.assign(risk=proba).nlargest(10, "risk")
    print(watch[["job_ref", "client_sector", "contract_value_k", "programme_weeks", "risk"]].to_string(index=False))


if __name__ == "__main__":
    main()
