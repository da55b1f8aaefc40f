# label: leakage/none
"""Council playground inspections: will the annual inspection of a play item
raise a high-risk finding (risk score 12+, item taped off pending repair)?

Each row is one annual inspection of one item (swing, multi-play unit, zip
wire, ...). Scores are used to order the interim inspectors' rounds.
"""
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from catboost import CatBoostClassifier, Pool
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score
from sklearn.model_selection import GroupShuffleSplit

CAT_COLS = ["equipment_type", "manufacturer", "frame_material", "surfacing", "ward",
            "previous_band"]
NUM_COLS = ["age_years", "months_since_last", "vandalism_reports_since_last",
            "routine_visit_defects_since_last", "site_footfall_index", "coastal_site",
            "fall_height_m", "prev_inspections"]
LABEL = "high_risk"


def load_inspections(path="data/play_annual_inspections_2015_2024.csv"):
    df = pd.read_csv(path, parse_dates=["inspected_on"])
    df = df[df["inspection_type"] == "annual_main"].sort_values(["equipment_id", "inspected_on"])
    df[LABEL] = (df["max_risk_score"] >= 12).astype(int)
    df["risk_band"] = pd.cut(df["max_risk_score"], [-1, 4, 8, 11, 25],
                             labels=["low", "med", "raised", "high"])
    grp = df.groupby("equipment_id")
    df["previous_band"] = grp["risk_band"].shift(1).astype(str)
    df["prev_inspections"] = grp.cumcount()
    df["months_since_last"] = grp["inspected_on"].diff().dt.days / 30.4
    df[CAT_COLS] = df[CAT_COLS].fillna("missing").astype(str)
    return df.reset_index(drop=True)


@dataclass
class InspectionModel:
    params: dict = field(default_factory=lambda: {
        "iterations": 800,
        "learning_rate": 0.05,
        "depth": 6,
        "l2_leaf_reg": 5,
        "auto_class_weights": "Balanced",
        "random_seed": 3,
        "verbose": 200,
    })
    model: CatBoostClassifier = None

    @property
    def features(self):
        return CAT_COLS + NUM_COLS

    def split(self, df):
        gss = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=3)
        train_idx, test_idx = next(gss.split(df, groups=df["equipment_id"]))
        return df.iloc[train_idx], df.iloc[test_idx]

    def fit(self, train):
        pool = Pool(train[self.features], train[LABEL], cat_features=CAT_COLS)
        self.model = CatBoostClassifier(**self.params)
        self.model.fit(pool)
        return self

    def score(self, frame):
        pool = Pool(frame[self.features], cat_features=CAT_COLS)
        return self.model.predict_proba(pool)[:, 1]

    def evaluate(self, test, capacity=0.10):
        p = self.score(test)
        y = test[LABEL].to_numpy()
        top = np.argsort(-p)[: int(len(p) * capacity)]
        return {
            "roc_auc": roc_auc_score(y, p),
            "avg_precision": average_precision_score(y, p),
            "brier": brier_score_loss(y, p),
            f"hit_rate_top_{int(capacity * 100)}pct": y[top].mean(),
            "base_rate": y.mean(),
        }


def main():
    insp = load_inspections()
    print(f"{len(insp)} inspections of {insp['equipment_id'].nunique()} play items")

    im = InspectionModel()
    train, test = im.split(insp)
    im.fit(train)

    for name, value in im.evaluate(test).items():
        print(f"{name:>20}: {value:.3f}")

    imp = pd.Series(im.model.get_feature_importance(), index=im.features)
    print(imp.sort_values(ascending=False).round(2).to_string())


if __name__ == "__main__":
    main()
