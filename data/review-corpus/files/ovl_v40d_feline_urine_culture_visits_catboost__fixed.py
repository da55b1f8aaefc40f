# label: leakage/none
"""Predict a positive urine culture for cats from in-house urinalysis.

Culture results come back from the external lab after 2-3 days. A score from
the in-clinic dipstick, sediment and bloods helps the vet decide whether to
start antibiotics while waiting. One row per visit with a culture submitted;
many cats have recurring visits.
"""
from dataclasses import dataclass, field

import pandas as pd
from catboost import CatBoostClassifier, Pool
from sklearn.metrics import average_precision_score, log_loss, roc_auc_score
from sklearn.model_selection import GroupShuffleSplit

CAT_FEATURES = ["breed_group", "sex", "collection_method", "clinic"]
NUM_FEATURES = [
    "age_years",
    "weight_kg",
    "usg",
    "urine_ph",
    "wbc_per_hpf",
    "rbc_per_hpf",
    "protein_dipstick",
    "glucose_dipstick",
    "bacteria_seen",
    "creatinine_umol_l",
    "sdma_ug_dl",
    "diabetic",
    "hyperthyroid",
    "neutered",
]


def load_visits(path: str) -> pd.DataFrame:
    visits = pd.read_csv(path, parse_dates=["visit_date"])
    visits = visits[visits["culture_status"] == "reported"].copy()
    visits["culture_positive"] = (visits["cfu_per_ml"] >= 1000).astype(int)
    for col in CAT_FEATURES:
        visits[col] = visits[col].fillna("unknown").astype(str)
    return visits


@dataclass
class CultureModel:
    iterations: int = 1500
    depth: int = 6
    learning_rate: float = 0.03
    seed: int = 5
    model: CatBoostClassifier = field(init=False, default=None)

    @property
    def features(self):
        return CAT_FEATURES + NUM_FEATURES

    def _pool(self, df: pd.DataFrame, with_label: bool = True) -> Pool:
        label = df["culture_positive"] if with_label else None
        return Pool(df[self.features], label=label, cat_features=CAT_FEATURES)

    def fit(self, train: pd.DataFrame) -> "CultureModel":
        self.model = CatBoostClassifier(
            iterations=self.iterations,
            depth=self.depth,
            learning_rate=self.learning_rate,
            l2_leaf_reg=5,
            loss_function="Logloss",
            random_seed=self.seed,
            verbose=250,
        )
        self.model.fit(self._pool(train))
        return self

    def predict_proba(self, df: pd.DataFrame):
        return self.model.predict_proba(self._pool(df, with_label=False))[:, 1]

    def evaluate(self, test: pd.DataFrame) -> dict:
        p = self.predict_proba(test)
        y = test["culture_positive"]
        return {
            "roc_auc": roc_auc_score(y, p),
            "pr_auc": average_precision_score(y, p),
            "log_loss": log_loss(y, p),
            "positive_rate": float(y.mean()),
        }


def main() -> None:
    visits = load_visits("feline_urine_cultures.csv")
    print(f"{len(visits)} visits from {visits['cat_id'].nunique()} cats")

    splitter = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=5)
    train_idx, test_idx = next(splitter.split(visits, groups=visits["cat_id"]))
    train, test = visits.iloc[train_idx], visits.iloc[test_idx]

    culture_model = CultureModel().fit(train)
    for name, value in culture_model.evaluate(test).items():
        print(f"{name:>14}: {value:.3f}")

    importances = culture_model.model.get_feature_importance(prettified=True)
    print(importances.head(10).to_string(index=False))


if __name__ == "__main__":
    main()
