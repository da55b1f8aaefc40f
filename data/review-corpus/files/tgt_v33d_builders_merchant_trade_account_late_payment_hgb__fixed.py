# label: leakage/none
# Credit control: score each new trade-account invoice at issue for the risk of
# being paid more than 14 days past due, so reminders can go out early.
import pandas as pd
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import average_precision_score, roc_auc_score

EXTRACT_DATE = pd.Timestamp("2024-03-31")
CUTOFF = pd.Timestamp("2023-07-01")


def load_invoices():
    inv = pd.read_csv(
        "data/trade_invoices.csv",
        parse_dates=["issue_date", "due_date", "paid_date"],
    )
    accounts = pd.read_csv("data/trade_accounts.csv", parse_dates=["opened_date"])
    inv = inv.merge(accounts, on="account_id", how="left")
    # give every invoice time to settle before judging it
    inv = inv[inv["issue_date"] <= EXTRACT_DATE - pd.Timedelta(days=120)].copy()
    inv["days_late"] = (inv["paid_date"].fillna(EXTRACT_DATE) - inv["due_date"]).dt.days.clip(lower=0)
    inv["paid_late"] = (inv["paid_date"].isna() | (inv["days_late"] > 14)).astype(int)
    return inv


def account_history(inv):
    settled = inv.loc[inv["paid_date"].notna(), ["account_id", "paid_date", "days_late", "paid_late"]]
    settled = settled.sort_values("paid_date")
    g = settled.groupby("account_id")
    n_prev = g.cumcount() + 1
    settled["acct_mean_days_late"] = g["days_late"].cumsum() / n_prev
    settled["acct_late_share"] = g["paid_late"].cumsum() / n_prev
    settled["acct_invoice_count"] = n_prev
    hist = settled.drop(columns=["days_late", "paid_late"]).rename(columns={"paid_date": "asof_date"})
    inv = pd.merge_asof(
        inv.sort_values("issue_date"), hist, left_on="issue_date", right_on="asof_date",
        by="account_id", allow_exact_matches=False,
    )
    inv["acct_invoice_count"] = inv["acct_invoice_count"].fillna(0)
    return inv.drop(columns="asof_date")


def invoice_features(inv):
    inv["terms_days"] = (inv["due_date"] - inv["issue_date"]).dt.days
    inv["account_age_months"] = (inv["issue_date"] - inv["opened_date"]).dt.days / 30.4
    inv["utilisation"] = inv["balance_at_issue"] / inv["credit_limit"]
    inv["amount_to_limit"] = inv["invoice_amount"] / inv["credit_limit"]
    inv["issue_month"] = inv["issue_date"].dt.month
    inv["issue_dom"] = inv["issue_date"].dt.day
    inv["direct_debit"] = (inv["payment_method"] == "direct_debit").astype(int)
    inv["trade_type"] = inv["trade_type"].astype("category")
    inv["branch"] = inv["branch"].astype("category")
    return inv


FEATURES = [
    "invoice_amount", "terms_days", "account_age_months", "credit_limit", "utilisation",
    "amount_to_limit", "issue_month", "issue_dom", "direct_debit", "lines_on_invoice",
    "trade_type", "branch", "acct_mean_days_late", "acct_late_share", "acct_invoice_count",
]


def main():
    inv = invoice_features(account_history(load_invoices()))
    train = inv[inv["issue_date"] < CUTOFF - pd.Timedelta(days=90)]
    test = inv[inv["issue_date"] >= CUTOFF]
    print(f"train invoices {len(train):,} (late {train['paid_late'].mean():.1%}), "
          f"test invoices {len(test):,} (late {test['paid_late'].mean():.1%})")

    clf = HistGradientBoostingClassifier(
        learning_rate=0.05,
        max_iter=500,
        max_leaf_nodes=31,
        min_samples_leaf=50,
        l2_regularization=1.0,
        categorical_features="from_dtype",
        random_state=0,
    )
    clf.fit(train[FEATURES], train["paid_late"])

    p = clf.predict_proba(test[FEATURES])[:, 1]
    print(f"AUC {roc_auc_score(test['paid_late'], p):.3f}")
    print(f"AP  {average_precision_score(test['paid_late'], p):.3f}")

    test = test.assign(score=p)
    top = test.nlargest(int(0.15 * len(test)), "score")
    share_value = top.loc[top["paid_late"] == 1, "invoice_amount"].sum() / \
        test.loc[test["paid_late"] == 1, "invoice_amount"].sum()
    print(f"top 15% of invoices by score hold {share_value:.1%} of late-paid value")
    print(test.groupby("trade_type", observed=True)[["score", "paid_late"]].mean().round(3))


if __name__ == "__main__":
    main()
