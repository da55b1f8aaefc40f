# label: leakage/none
"""Pitch-fee arrears risk for the residential park homes portfolio.

One row per occupied pitch for the 2023/24 fee year (pitch fees are reviewed
each April). Label: the account went more than 60 days into arrears at any
point in the fee year. The site managers use the scores to offer payment
plans and benefit checks early.
"""
import pandas as pd
import xgboost as xgb
from sklearn.metrics import average_precision_score, confusion_matrix, roc_auc_score
from sklearn.model_selection import train_test_split

ACCOUNTS = "ledger/pitch_accounts_2023.csv"
CATEGORICAL = ["park", "payment_method", "home_type", "age_band"]
NUMERIC = [
    "tenure_years", "pitch_fee_monthly", "fee_rise_pct", "household_size",
    "pension_only_income", "housing_benefit", "late_payments_prev_year",
    "home_age_years", "balance_at_review", "direct_debit_failures_prev_year",
]


def prepare(path: str) -> pd.DataFrame:
    acc = pd.read_csv(path)
    acc = acc[acc["occupied_at_review"] == 1].copy()
    acc["fee_rise_pct"] = 100 * (acc["pitch_fee_monthly"] / acc["pitch_fee_prev_monthly"] - 1)
    acc["balance_at_review"] = acc["balance_at_review"].fillna(0.0)
    for col in CATEGORICAL:
        acc[col] = acc[col].fillna("unknown").astype("category")
    return acc


def top_decile_capture(y_true, score):
    order = score.argsort()[::-1]
    top = order[: max(1, len(order) // 10)]
    return y_true[top].sum() / max(y_true.sum(), 1)


def main():
    acc = prepare(ACCOUNTS)
    X = acc[CATEGORICAL + NUMERIC]
    y = acc["arrears_60d"].astype(int)
    print(f"{len(acc)} pitches across {acc['park'].nunique()} parks; arrears rate {y.mean():.1%}")

    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=0.25, stratify=y, random_state=2023
    )

    clf = xgb.XGBClassifier(
        n_estimators=350,
        learning_rate=0.05,
        max_depth=4,
        subsample=0.85,
        colsample_bytree=0.8,
        scale_pos_weight=(y_train == 0).sum() / (y_train == 1).sum(),
        enable_categorical=True,
        tree_method="hist",
        random_state=2023,
    )
    clf.fit(X_train, y_train)

    score = clf.predict_proba(X_test)[:, 1]
    print(f"ROC AUC            {roc_auc_score(y_test, score):.3f}")
    print(f"average precision  {average_precision_score(y_test, score):.3f}")
    print(f"top-10% capture    {top_decile_capture(y_test.to_numpy(), score):.1%}")
    tn, fp, fn, tp = confusion_matrix(y_test, score >= 0.5).ravel()
    print(f"at 0.5: tp={tp} fp={fp} fn={fn} tn={tn}")

    by_park = pd.DataFrame({"park": X_test["park"], "y": y_test, "score": score}).groupby(
        "park", observed=True
    ).agg(pitches=("y", "size"), arrears=("y", "mean"), mean_score=("score", "mean"))
    print(by_park.round(3).to_string())

    gain = clf.get_booster().get_score(importance_type="total_gain")
    print(pd.Series(gain).sort_values(ascending=False).head(10).round(1).to_string())


if __name__ == "__main__":
    main()
