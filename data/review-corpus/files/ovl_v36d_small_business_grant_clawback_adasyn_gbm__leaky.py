# label: leakage/overlap
"""Growth-grant clawback risk.

The regional development fund pays small-business growth grants up front and
recovers them when the business misses its job or investment milestones.
One row per funded application; `clawback` = 1 when recovery was started.
"""
import pandas as pd
from imblearn.over_sampling import ADASYN
from sklearn.ensemble import GradientBoostingClassifier
from sklearn.metrics import average_precision_score, classification_report, roc_auc_score
from sklearn.model_selection import train_test_split

SECTOR_CODES = {
    "manufacturing": 0, "hospitality": 1, "retail": 2, "digital": 3,
    "construction": 4, "creative": 5, "agri_food": 6, "other": 7,
}
FEATURES = [
    "grant_gbp", "match_funding_gbp", "employees_at_application", "jobs_promised",
    "years_trading", "turnover_gbp", "net_assets_gbp", "director_count",
    "prior_grants", "rural", "sector_code", "has_business_plan_review",
    "grant_to_turnover", "jobs_per_10k", "match_ratio",
]


def build_frame(path):
    apps = pd.read_csv(path)
    apps = apps[apps["status"].isin(["completed", "recovered"])].copy()
    apps["sector_code"] = apps["sector"].map(SECTOR_CODES).fillna(7).astype(int)
    apps["grant_to_turnover"] = apps["grant_gbp"] / apps["turnover_gbp"].clip(lower=1000)
    apps["jobs_per_10k"] = apps["jobs_promised"] / (apps["grant_gbp"] / 10_000)
    apps["match_ratio"] = apps["match_funding_gbp"] / apps["grant_gbp"]
    apps["net_assets_gbp"] = apps["net_assets_gbp"].fillna(0)
    apps["prior_grants"] = apps["prior_grants"].fillna(0)
    return apps.dropna(subset=FEATURES + ["clawback"])


def main():
    apps = build_frame("data/growth_grant_applications.csv")
    X = apps[FEATURES].to_numpy(dtype=float)
    y = apps["clawback"].astype(int).to_numpy()
    print(f"{len(y)} grants, clawback rate {y.mean():.3%}")

    # the recovered class is small, so synthesise extra minority examples
    X_res, y_res = ADASYN(n_neighbors=5, random_state=42).fit_resample(X, y)
    print(f"after resampling: {len(y_res)} rows, positive share {y_res.mean():.2f}")

    X_train, X_test, y_train, y_test = train_test_split(
        X_res, y_res, test_size=0.25, stratify=y_res, random_state=42
    )

    gbm = GradientBoostingClassifier(
        n_estimators=400, learning_rate=0.05, max_depth=3, subsample=0.8, random_state=42
    )
    gbm.fit(X_train, y_train)

    proba = gbm.predict_proba(X_test)[:, 1]
    print(f"ROC AUC: {roc_auc_score(y_test, proba):.3f}")
    print(f"average precision: {average_precision_score(y_test, proba):.3f}")
    print(classification_report(y_test, (proba >= 0.5).astype(int),
                                target_names=["kept", "clawback"], digits=3))

    ranking = pd.Series(gbm.feature_importances_, index=FEATURES).sort_values(ascending=False)
    print(ranking.round(3).to_string())


if __name__ == "__main__":
    main()
