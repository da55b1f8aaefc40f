# label: leakage/none
"""Will a memorial inscription order miss its quoted fitting date?

Orders from the monumental masons' order book: stone, lettering, cemetery and
the workshop that cut it. Cemeteries and workshops are numerous, so they are
target-encoded; the rest go straight into a gradient-boosted model.
"""
from dataclasses import dataclass, field

import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import brier_score_loss, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OrdinalEncoder, TargetEncoder

HIGH_CARD = ["cemetery", "workshop_id"]
LOW_CARD = ["stone_type", "finish", "letter_style", "order_channel", "permit_authority_type"]
NUMERIC = [
    "letter_count",
    "gilded",
    "quoted_weeks",
    "stone_height_mm",
    "additional_inscription",
    "order_month",
    "workshop_open_orders",
]
TARGET = "missed_fitting_date"


@dataclass
class LatenessModel:
    random_state: int = 0
    pipeline: Pipeline = field(init=False)

    def __post_init__(self):
        prep = ColumnTransformer(
            [
                (
                    "low",
                    OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=-1),
                    LOW_CARD,
                ),
                (
                    "high",
                    TargetEncoder(target_type="binary", smooth="auto", random_state=0),
                    HIGH_CARD,
                ),
            ],
            remainder="passthrough",
        )
        hgb = HistGradientBoostingClassifier(
            max_iter=400,
            learning_rate=0.05,
            max_depth=6,
            l2_regularization=0.5,
            categorical_features=list(range(len(LOW_CARD))),
            random_state=self.random_state,
        )
        self.pipeline = Pipeline([("prep", prep), ("hgb", hgb)])

    def fit(self, X, y):
        self.pipeline.fit(X, y)
        return self

    def predict_proba(self, X):
        return self.pipeline.predict_proba(X)[:, 1]


orders = pd.read_csv("data/mason_orders.csv", parse_dates=["ordered_on"])
orders = orders[orders["status"].isin(["fitted", "fitted_late"])]
orders["order_month"] = orders["ordered_on"].dt.month
orders[TARGET] = (orders["status"] == "fitted_late").astype(int)

FEATURES = LOW_CARD + HIGH_CARD + NUMERIC

X_train, X_test, y_train, y_test = train_test_split(
    orders[FEATURES], orders[TARGET], test_size=0.25, stratify=orders[TARGET], random_state=8
)

model = LatenessModel(random_state=8).fit(X_train, y_train)
proba = model.predict_proba(X_test)

print(f"orders: {len(orders)}  late share: {orders[TARGET].mean():.3f}")
print(f"ROC AUC: {roc_auc_score(y_test, proba):.4f}")
print(f"Brier:   {brier_score_loss(y_test, proba):.4f}")

deciles = pd.qcut(proba, 10, labels=False, duplicates="drop")
lift = pd.DataFrame({"decile": deciles, "late": y_test.to_numpy()}).groupby("decile")["late"].mean()
print(lift.round(3).to_string())
