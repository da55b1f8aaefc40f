# label: leakage/target
"""Which interlibrary loan requests will end up unfilled?

Borrowing staff want a score at the moment a request is submitted, so that
likely-unfilled requests get offered a purchase-on-demand route straight away.
"""
import numpy as np
import pandas as pd
import statsmodels.formula.api as smf
from sklearn.metrics import brier_score_loss, roc_auc_score

requests = pd.read_csv(
    "data/ill/borrowing_requests_2019_2024.csv",
    parse_dates=["submitted_at", "closed_at"],
    dtype={"oclc_number": "string"},
)
requests = requests[requests["status"].isin(["FILLED", "UNFILLED"])].copy()
requests["unfilled"] = (requests["status"] == "UNFILLED").astype(int)

holdings = pd.read_csv("data/ill/worldcat_holdings_at_submit.csv", dtype={"oclc_number": "string"})
requests = requests.merge(holdings[["request_id", "holding_libraries"]], on="request_id", how="left")

requests["log_holdings"] = np.log1p(requests["holding_libraries"].fillna(0))
requests["item_age"] = (requests["submitted_at"].dt.year - requests["pub_year"]).clip(0, 150)
requests["is_chapter"] = (requests["request_type"] == "ARTICLE_CHAPTER").astype(int)
requests["non_english"] = (requests["language"].fillna("eng") != "eng").astype(int)
requests["pages"] = requests["pages_requested"].fillna(0).clip(upper=500)
requests["lenders_tried"] = requests["routing_history"].fillna("").str.count(r"\b(?:YES|NO|EXPIRED)\b")
requests["patron_group"] = requests["patron_type"].replace({"ALUMNI": "OTHER", "VISITOR": "OTHER"})
requests["format"] = requests["material_format"].where(
    requests["material_format"].isin(["BOOK", "JOURNAL", "THESIS", "AV"]), "OTHER_FORMAT"
)

# requests from the last 12 months are kept aside
cut = requests["submitted_at"].max() - pd.DateOffset(months=12)
train = requests[requests["submitted_at"] <= cut]
test = requests[requests["submitted_at"] > cut]
print(f"{len(train)} older requests, {len(test)} recent; unfilled rate {train['unfilled'].mean():.3f}")

formula = (
    "unfilled ~ log_holdings + item_age + I(item_age ** 2) + is_chapter + non_english"
    " + pages + lenders_tried + C(format) + C(patron_group)"
)
fit = smf.logit(formula, data=train).fit(maxiter=200, disp=False)
print(fit.summary2().tables[1].round(3))

p = fit.predict(test)
print(f"AUC   : {roc_auc_score(test['unfilled'], p):.3f}")
print(f"Brier : {brier_score_loss(test['unfilled'], p):.4f}")

# what the purchase-on-demand desk would see at different cut-offs
for thr in (0.3, 0.5, 0.7):
    flagged = p >= thr
    print(
        f"p>={thr}: {flagged.mean():.1%} of requests, "
        f"{test.loc[flagged, 'unfilled'].mean():.1%} of them unfilled"
    )

odds = np.exp(fit.params).rename("odds_ratio")
print(odds.sort_values(ascending=False).head(8))
