# label: leakage/none
"""Renewal model for office water-cooler rental contracts.

Account managers get a renewal list 60 days before each term ends; this
model ranks the list so the accounts least likely to renew get a visit.
"""
import numpy as np
import pandas as pd
import statsmodels.formula.api as smf
from sklearn.metrics import brier_score_loss, roc_auc_score
from sklearn.model_selection import train_test_split

NOTICE_DAYS = 60
TICKET_TYPES = ["breakdown", "complaint", "missed_delivery", "sanitise_request", "collection_request"]


def load_contracts(path="crm/cooler_contracts.csv"):
    c = pd.read_csv(path, parse_dates=["start_date", "end_date"])
    c = c[c["end_date"] <= "2024-06-30"].copy()
    c = c.sort_values("end_date").groupby("client_id").tail(1)
    c["renewed"] = (c["outcome"] == "renewed").astype(int)
    c["term_months"] = ((c["end_date"] - c["start_date"]).dt.days / 30.44).round()
    c["fee_per_unit"] = c["monthly_fee_gbp"] / c["units"].clip(lower=1)
    c["mains_fed"] = (c["supply"] == "mains").astype(int)
    return c


def ticket_features(contracts, tickets):
    t = tickets.merge(contracts[["contract_id", "start_date", "end_date"]], on="contract_id")
    t = t[(t["ticket_date"] >= t["start_date"])
          & (t["ticket_date"] < t["end_date"] - pd.Timedelta(days=NOTICE_DAYS))]
    counts = (
        t[t["ticket_type"].isin(TICKET_TYPES)]
        .pivot_table(index="contract_id", columns="ticket_type", values="ticket_id",
                     aggfunc="count", fill_value=0)
        .reindex(columns=TICKET_TYPES, fill_value=0)
    )
    counts["tickets_total"] = t.groupby("contract_id").size()
    counts["mean_resolve_days"] = t.groupby("contract_id")["days_to_resolve"].mean()
    out = contracts.merge(counts, left_on="contract_id", right_index=True, how="left")
    out[TICKET_TYPES + ["tickets_total"]] = out[TICKET_TYPES + ["tickets_total"]].fillna(0)
    out["mean_resolve_days"] = out["mean_resolve_days"].fillna(0)
    out["tickets_per_month"] = out["tickets_total"] / out["term_months"].clip(lower=1)
    return out


contracts = load_contracts()
tickets = pd.read_csv("helpdesk/cooler_tickets.csv", parse_dates=["ticket_date"])
df = ticket_features(contracts, tickets)
print(f"{len(df)} contracts, renewal rate {df['renewed'].mean():.1%}")

train, test = train_test_split(df, test_size=0.25, stratify=df["renewed"], random_state=30)

formula = (
    "renewed ~ tickets_per_month + breakdown + complaint + missed_delivery"
    " + sanitise_request + collection_request + mean_resolve_days + np.log(units) + fee_per_unit"
    " + mains_fed + term_months + C(sector)"
)
fit = smf.logit(formula, data=train).fit(disp=False, maxiter=200)
print(fit.summary())

p_test = fit.predict(test)
print(f"test ROC AUC {roc_auc_score(test['renewed'], p_test):.3f}")
print(f"test Brier   {brier_score_loss(test['renewed'], p_test):.3f}")

odds = pd.DataFrame({"odds_ratio": np.exp(fit.params), "p_value": fit.pvalues})
print(odds.drop(index="Intercept").sort_values("p_value").round(3).to_string())

test = test.assign(p_renew=p_test)
test["band"] = pd.qcut(test["p_renew"], 5, labels=["very low", "low", "mid", "high", "very high"])
print(test.groupby("band", observed=True)["renewed"].agg(["size", "mean"]).round(3).to_string())
