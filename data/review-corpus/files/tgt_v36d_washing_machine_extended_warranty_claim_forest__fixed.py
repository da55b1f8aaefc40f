# label: leakage/none
"""Claim risk for extended-warranty cover on washing machines.

Scores newly sold cover so underwriting can review pricing by segment.
Target: at least one repair claim in the first 12 months of cover.
"""
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder

CATEGORICAL = ["brand", "price_band", "sale_channel", "region"]
NUMERIC = [
    "drum_kg", "spin_rpm", "machine_age_months", "household_size",
    "water_hardness_mg_l", "retailer_install", "premium_gbp", "service_visits_12m",
]


class ClaimRiskModel:
    def __init__(self, seed=17):
        self.seed = seed
        self.pipeline = Pipeline([
            ("prep", ColumnTransformer(
                [("cat", OneHotEncoder(handle_unknown="ignore"), CATEGORICAL)],
                remainder="passthrough",
            )),
            ("rf", RandomForestClassifier(
                n_estimators=500, min_samples_leaf=10, max_features="sqrt",
                class_weight="balanced_subsample", n_jobs=-1, random_state=seed,
            )),
        ])

    @staticmethod
    def load(policies_path, visits_path):
        policies = pd.read_csv(policies_path, parse_dates=["cover_start"])
        policies = policies[policies["policy_seq"] == 1].copy()
        visits = pd.read_csv(visits_path, parse_dates=["visit_date"])
        policies["service_visits_12m"] = ClaimRiskModel._visit_counts(policies, visits)
        return policies

    @staticmethod
    def _visit_counts(policies, visits):
        merged = policies[["policy_id", "serial_no", "cover_start"]].merge(
            visits[["serial_no", "visit_date"]], on="serial_no", how="inner"
        )
        in_window = (merged["visit_date"] < merged["cover_start"]) & (
            merged["visit_date"] >= merged["cover_start"] - pd.Timedelta(days=365)
        )
        counts = merged[in_window].groupby("policy_id").size()
        return policies["policy_id"].map(counts).fillna(0).astype(int)

    def fit(self, X, y):
        self.pipeline.fit(X, y)
        return self

    def score_report(self, X, y):
        proba = self.pipeline.predict_proba(X)[:, 1]
        top_decile = proba >= pd.Series(proba).quantile(0.9)
        return {
            "roc_auc": roc_auc_score(y, proba),
            "avg_precision": average_precision_score(y, proba),
            "claim_rate_top_decile": y[top_decile].mean(),
            "claim_rate_overall": y.mean(),
        }


if __name__ == "__main__":
    data = ClaimRiskModel.load("data/ew_policies.csv", "data/engineer_visits.csv")
    X = data[CATEGORICAL + NUMERIC]
    y = data["claim_12m"].astype(int)
    print(f"{len(data)} policies, claim rate {y.mean():.2%}")

    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=0.25, stratify=y, random_state=17
    )
    model = ClaimRiskModel().fit(X_train, y_train)
    for name, value in model.score_report(X_test, y_test.to_numpy()).items():
        print(f"{name:>24}: {value:.3f}")

    rf = model.pipeline.named_steps["rf"]
    names = model.pipeline.named_steps["prep"].get_feature_names_out()
    imp = pd.Series(rf.feature_importances_, index=names).sort_values(ascending=False)
    print(imp.head(10).round(4).to_string())
