# label: leakage/none
"""Which members are unlikely to renew at the 1 April subscription date?

The membership secretary sends renewal reminders in mid-February; the model
ranks members so the captains can ring the ones most at risk first.
"""
import numpy as np
import pandas as pd
import statsmodels.formula.api as smf
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import train_test_split

REMINDER_DATE = pd.Timestamp("2024-02-15")
LOOKBACK_DAYS = 120


def outing_features(outings, members):
    start = REMINDER_DATE - pd.Timedelta(days=LOOKBACK_DAYS)
    recent = outings[(outings["outing_date"] >= start) & (outings["outing_date"] < REMINDER_DATE)]
    agg = recent.groupby("member_id").agg(
        outings_recent=("outing_id", "nunique"),
        erg_sessions=("session_type", lambda s: (s == "erg").sum()),
        crew_boat_share=("boat_class", lambda s: s.isin(["4x", "4+", "4-", "8+"]).mean()),
        last_outing=("outing_date", "max"),
    )
    out = members[["member_id"]].merge(agg, on="member_id", how="left")
    out[["outings_recent", "erg_sessions"]] = out[["outings_recent", "erg_sessions"]].fillna(0)
    out["crew_boat_share"] = out["crew_boat_share"].fillna(0)
    out["days_since_outing"] = (REMINDER_DATE - out["last_outing"]).dt.days.fillna(365).clip(lower=0)
    return out.drop(columns="last_outing")


def build_table():
    members = pd.read_csv("club/members_2023_24.csv", parse_dates=["joined", "date_of_birth"])
    # boat booking system export, pulled at the end of the summer regatta season
    outings = pd.read_csv("club/boat_booking_log.csv", parse_dates=["outing_date"])
    renewals = pd.read_csv("club/renewals_2024.csv")

    df = members.merge(outing_features(outings, members), on="member_id", how="left")
    df = df.merge(renewals[["member_id", "renewed"]], on="member_id", how="left")
    df["lapsed"] = 1 - df["renewed"].fillna(0).astype(int)
    df["tenure_years"] = (REMINDER_DATE - df["joined"]).dt.days / 365.25
    df["age"] = (REMINDER_DATE - df["date_of_birth"]).dt.days / 365.25
    df["log_outings"] = np.log1p(df["outings_recent"])
    return df[df["category"] != "life"]


def main():
    df = build_table()
    train, test = train_test_split(df, test_size=0.25, stratify=df["lapsed"], random_state=2024)

    formula = (
        "lapsed ~ log_outings + erg_sessions + crew_boat_share + np.log1p(days_since_outing)"
        " + tenure_years + I(tenure_years < 1) + age + C(category) + C(squad) + paid_by_direct_debit"
    )
    res = smf.logit(formula, data=train).fit(disp=False)
    print(res.summary2())

    p_test = res.predict(test)
    print(f"members: {len(df)}  lapse rate: {df['lapsed'].mean():.3f}")
    print(f"test ROC AUC: {roc_auc_score(test['lapsed'], p_test):.4f}")

    ranked = test.assign(p=p_test).sort_values("p", ascending=False)
    top = ranked.head(int(0.2 * len(ranked)))
    print(f"share of lapses caught in top 20% of calls: {top['lapsed'].sum() / ranked['lapsed'].sum():.2%}")
    print(np.exp(res.params).round(3))


if __name__ == "__main__":
    main()
