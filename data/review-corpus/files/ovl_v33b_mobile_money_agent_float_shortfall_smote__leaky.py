# label: leakage/overlap
"""Which mobile-money agents will run short of e-float next month?

Snapshot table built by the liquidity team: one row per active agent, features
from January-March transaction logs, label = at least one day in April on which
the agent could not serve a cash-in because the e-float balance was exhausted.
"""
import numpy as np
import pandas as pd
from imblearn.over_sampling import SMOTE
from sklearn.ensemble import ExtraTreesClassifier
from sklearn.metrics import average_precision_score, precision_recall_curve, roc_auc_score
from sklearn.model_selection import train_test_split


class FloatShortfallModel:
    numeric = [
        "cash_in_count_q1", "cash_out_count_q1", "cash_in_value_q1", "cash_out_value_q1",
        "avg_eod_float", "min_eod_float", "float_topups_q1", "days_below_10pct_float_q1",
        "median_topup_delay_h", "distinct_customers_q1", "months_active", "distance_to_super_agent_km",
        "market_day_share", "is_urban", "shares_till",
    ]
    label = "shortfall_april"

    def __init__(self, seed=2024):
        self.seed = seed
        self.clf = ExtraTreesClassifier(
            n_estimators=600, max_features=0.5, min_samples_leaf=3, n_jobs=-1, random_state=seed
        )

    def prepare(self, agents):
        df = agents.copy()
        df["is_urban"] = (df["settlement_type"] == "urban").astype(int)
        df["shares_till"] = df["shares_till"].fillna(False).astype(int)
        df["median_topup_delay_h"] = df["median_topup_delay_h"].fillna(72.0)  # no top-up in the quarter
        df["net_flow_ratio"] = (df["cash_in_value_q1"] + 1) / (df["cash_out_value_q1"] + 1)
        X = df[self.numeric + ["net_flow_ratio"]].to_numpy(dtype=float)
        return X, df[self.label].to_numpy()

    def fit(self, X, y):
        self.clf.fit(X, y)
        return self

    def evaluate(self, X, y, target_recall=0.7):
        proba = self.clf.predict_proba(X)[:, 1]
        precision, recall, thresholds = precision_recall_curve(y, proba)
        i = np.where(recall[:-1] >= target_recall)[0][-1]
        return {
            "roc_auc": roc_auc_score(y, proba),
            "avg_precision": average_precision_score(y, proba),
            f"precision_at_recall_{target_recall}": precision[i],
            "threshold": thresholds[i],
        }


if __name__ == "__main__":
    agents = pd.read_csv("data/agent_snapshot_2024q1.csv")
    agents = agents[agents["status"] == "active"]

    model = FloatShortfallModel()
    X, y = model.prepare(agents)
    print(f"{len(y)} agents, shortfall rate {y.mean():.2%}")

    X_res, y_res = SMOTE(k_neighbors=5, random_state=model.seed).fit_resample(X, y)
    X_train, X_test, y_train, y_test = train_test_split(
        X_res, y_res, test_size=0.25, stratify=y_res, random_state=model.seed
    )

    model.fit(X_train, y_train)
    for name, value in model.evaluate(X_test, y_test).items():
        print(f"{name:>28}: {value:.3f}")
