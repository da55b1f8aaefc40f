# label: leakage/target
# twin: tgt_coltransformer_named_cancellation_fee__fixed.py
# source: hand-written for ai-ci, tuning part of round 5 (Apache-2.0)
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import GradientBoostingClassifier
from sklearn.model_selection import cross_val_score
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

subs = pd.read_csv("gym_memberships.csv")
CATEGORICAL = ["plan", "home_club", "payment_method"]
NUMERIC = ["tenure_months", "visits_last_90d", "monthly_fee", "cancellation_fee"]

model = Pipeline(
    [
        (
            "prep",
            ColumnTransformer(
                transformers=[("cat", OneHotEncoder(handle_unknown="ignore"), CATEGORICAL), ("num", StandardScaler(), NUMERIC)]
            ),
        ),
        ("gbm", GradientBoostingClassifier(random_state=0)),
    ]
)
# the whole frame goes in; the ColumnTransformer picks the columns
scores = cross_val_score(model, subs, subs["churned"], cv=5, scoring="roc_auc")
print("AUC:", scores.mean())
