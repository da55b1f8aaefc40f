# label: leakage/none
# twin: sel_v14_wildfire_cause_features__leaky.py
# source: hand-written for ai-ci held-out v14 (Apache-2.0)
"""Greedy forward selection of fire-report fields for a human-vs-lightning ignition model."""
from dataclasses import dataclass, field

import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import balanced_accuracy_score, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

DATA_PATH = "data/wildfire/fire_reports_1992_2020.parquet"
CATEGORICAL = ["state", "owner_descr", "reporting_agency", "land_cover", "ecoregion"]
NUMERIC = [
    "latitude", "longitude", "discovery_doy", "discovery_hour", "dist_road_km",
    "dist_powerline_km", "pop_density_km2", "elevation_m", "slope_deg", "lightning_strikes_prev_24h",
]
MAX_FIELDS = 7


def make_pipeline(cols):
    cats = [c for c in cols if c in CATEGORICAL]
    nums = [c for c in cols if c in NUMERIC]
    pre = ColumnTransformer([
        ("cat", OneHotEncoder(handle_unknown="ignore", min_frequency=20), cats),
        ("num", StandardScaler(), nums),
    ])
    return Pipeline([("pre", pre), ("clf", LogisticRegression(max_iter=3000, C=0.5))])


@dataclass
class ForwardSelector:
    X_fit: pd.DataFrame
    y_fit: pd.Series
    X_score: pd.DataFrame
    y_score: pd.Series
    history: list = field(default_factory=list)

    def evaluate(self, cols):
        model = make_pipeline(cols).fit(self.X_fit[cols], self.y_fit)
        return roc_auc_score(self.y_score, model.predict_proba(self.X_score[cols])[:, 1])

    def run(self, candidates, k):
        chosen = []
        for _ in range(k):
            scored = {c: self.evaluate(chosen + [c]) for c in candidates if c not in chosen}
            best = max(scored, key=scored.get)
            chosen.append(best)
            self.history.append((best, scored[best]))
            print(f"+ {best:<28s} AUC = {scored[best]:.4f}")
        return chosen


def load(path):
    df = pd.read_parquet(path)
    df = df[df["cause_class"].isin(["Human", "Natural"])].dropna(subset=NUMERIC).copy()
    df[CATEGORICAL] = df[CATEGORICAL].fillna("missing").astype(str)
    y = (df["cause_class"] == "Human").astype(int)
    return df[CATEGORICAL + NUMERIC], y


def main():
    X, y = load(DATA_PATH)
    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=0.25, stratify=y, random_state=11
    )

    X_fit, X_sel, y_fit, y_sel = train_test_split(
        X_train, y_train, test_size=0.25, stratify=y_train, random_state=11
    )
    selector = ForwardSelector(X_fit, y_fit, X_sel, y_sel)
    fields = selector.run(CATEGORICAL + NUMERIC, MAX_FIELDS)

    model = make_pipeline(fields).fit(X_train[fields], y_train)
    proba = model.predict_proba(X_test[fields])[:, 1]
    print("selected fields:", fields)
    print(f"test ROC AUC           {roc_auc_score(y_test, proba):.4f}")
    print(f"test balanced accuracy {balanced_accuracy_score(y_test, (proba >= 0.5).astype(int)):.4f}")


if __name__ == "__main__":
    main()
