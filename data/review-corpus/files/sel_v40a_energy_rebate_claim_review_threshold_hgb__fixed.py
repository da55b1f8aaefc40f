# label: leakage/none
# Home energy rebate scheme: score incoming claims so the audit team only
# reviews the ones most likely to be rejected at desk audit.
import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import classification_report, f1_score, precision_recall_curve, roc_auc_score
from sklearn.model_selection import StratifiedKFold, cross_val_predict, train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OrdinalEncoder

CLAIMS_PATH = "exports/rebate_claims_2022_2024.parquet"
CATEGORICAL = ["measure_type", "installer_region", "property_type", "submission_channel"]
NUMERIC = [
    "claimed_amount",
    "invoice_amount",
    "days_install_to_claim",
    "n_documents",
    "floor_area_m2",
    "property_age_years",
    "installer_claims_prev_year",
    "epc_rating_before",
]


def load_claims(path):
    df = pd.read_parquet(path)
    df = df[df["audit_outcome"].isin(["approved", "rejected"])].copy()
    df["rejected"] = (df["audit_outcome"] == "rejected").astype(int)
    df["claim_to_invoice"] = df["claimed_amount"] / df["invoice_amount"].replace(0, np.nan)
    return df


def build_model():
    encode = ColumnTransformer(
        [("cat", OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=-1), CATEGORICAL)],
        remainder="passthrough",
    )
    clf = HistGradientBoostingClassifier(
        learning_rate=0.06,
        max_iter=400,
        max_leaf_nodes=31,
        l2_regularization=1.0,
        categorical_features=list(range(len(CATEGORICAL))),
        random_state=0,
    )
    return Pipeline([("encode", encode), ("clf", clf)])


def best_f1_threshold(y_true, scores):
    precision, recall, thresholds = precision_recall_curve(y_true, scores)
    f1 = 2 * precision[:-1] * recall[:-1] / np.clip(precision[:-1] + recall[:-1], 1e-9, None)
    i = int(np.nanargmax(f1))
    return float(thresholds[i])


def main():
    claims = load_claims(CLAIMS_PATH)
    features = CATEGORICAL + NUMERIC + ["claim_to_invoice"]
    X = claims[features]
    y = claims["rejected"]

    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=0.2, stratify=y, random_state=7
    )

    model = build_model()
    cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=7)
    oof_scores = cross_val_predict(model, X_train, y_train, cv=cv, method="predict_proba")[:, 1]
    threshold = best_f1_threshold(y_train, oof_scores)

    model.fit(X_train, y_train)
    test_scores = model.predict_proba(X_test)[:, 1]
    flagged = (test_scores >= threshold).astype(int)

    print(f"claims: {len(claims)}  rejection rate: {y.mean():.3f}")
    print(f"review threshold: {threshold:.3f}")
    print(f"test ROC AUC: {roc_auc_score(y_test, test_scores):.4f}")
    print(f"test F1 at threshold: {f1_score(y_test, flagged):.4f}")
    print(f"share of claims sent to review: {flagged.mean():.3f}")
    print(classification_report(y_test, flagged, target_names=["approved", "rejected"]))


if __name__ == "__main__":
    main()
