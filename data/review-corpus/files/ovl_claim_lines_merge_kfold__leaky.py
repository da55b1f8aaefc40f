# label: leakage/overlap
# twin: ovl_claim_lines_merge_kfold__fixed.py
# source: hand-written for ai-ci held-out v7 (Apache-2.0)
import numpy as np
import pandas as pd
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.model_selection import StratifiedKFold, cross_validate

claims = pd.read_parquet("data/claims_header.parquet")      # one row per claim, with is_fraud
lines = pd.read_parquet("data/claim_lines.parquet")         # many rows per claim

line_level = (
    lines.merge(claims[["claim_id", "provider_type_code", "member_age", "is_fraud"]], on="claim_id", how="inner")
    .assign(
        billed_over_allowed=lambda d: d["billed_amount"] / d["allowed_amount"].clip(lower=1),
        units_log=lambda d: np.log1p(d["units"]),
    )
)
FEATURES = ["billed_over_allowed", "units_log", "procedure_rvu", "place_of_service",
            "provider_type_code", "member_age", "modifier_count"]

clf = HistGradientBoostingClassifier(max_iter=400, learning_rate=0.05, categorical_features=[3, 4])
cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=21)
scores = cross_validate(
    clf,
    line_level[FEATURES],
    line_level["is_fraud"],
    cv=cv,
    scoring=["roc_auc", "average_precision"],
)
for metric in ["test_roc_auc", "test_average_precision"]:
    print(f"{metric}: {scores[metric].mean():.4f} +/- {scores[metric].std():.4f}")
