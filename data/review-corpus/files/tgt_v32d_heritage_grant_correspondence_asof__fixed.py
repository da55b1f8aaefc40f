# label: leakage/none
"""Award likelihood for heritage restoration grant applications, scored ahead
of each funding panel. Application form data plus the case correspondence log."""
import numpy as np
import pandas as pd
import statsmodels.formula.api as smf
from sklearn.metrics import brier_score_loss, roc_auc_score

APPS = "data/grant_applications.csv"
LETTERS = "data/case_correspondence.csv"
PANELS = "data/panel_calendar.csv"
TEST_FROM = "2023-01-01"


def load_applications():
    apps = pd.read_csv(APPS, parse_dates=["submitted_on"])
    panels = pd.read_csv(PANELS, parse_dates=["panel_date"])
    apps = apps.merge(panels[["round_id", "panel_date"]], on="round_id", how="left")
    apps["awarded"] = (apps["decision"] == "award").astype(int)
    apps["log_request"] = np.log(apps["requested_gbp"])
    apps["match_share"] = apps["match_funding_gbp"] / apps["project_cost_gbp"]
    apps["weeks_to_panel"] = (apps["panel_date"] - apps["submitted_on"]).dt.days / 7
    return apps


def correspondence_features(apps, letters):
    log = letters.merge(apps[["app_id", "panel_date"]], on="app_id", how="inner")
    log = log[log["sent_on"] < log["panel_date"]]
    log["inbound"] = (log["direction"] == "in").astype(int)
    log["info_request"] = (log["letter_type"] == "request_for_information").astype(int)
    log["site_visit"] = (log["letter_type"] == "site_visit_note").astype(int)
    log["conservation_officer"] = (log["sender_role"] == "conservation_officer").astype(int)
    log["weeks_before_panel"] = (log["panel_date"] - log["sent_on"]).dt.days / 7
    feats = log.groupby("app_id").agg(
        n_letters=("letter_id", "count"),
        n_inbound=("inbound", "sum"),
        n_info_requests=("info_request", "sum"),
        n_site_visits=("site_visit", "sum"),
        n_co_letters=("conservation_officer", "sum"),
        total_pages=("pages", "sum"),
        first_contact_weeks=("weeks_before_panel", "max"),
    )
    return feats.reset_index()


apps = load_applications()
letters = pd.read_csv(LETTERS, parse_dates=["sent_on"])
df = apps.merge(correspondence_features(apps, letters), on="app_id", how="left")
count_cols = ["n_letters", "n_inbound", "n_info_requests", "n_site_visits",
              "n_co_letters", "total_pages", "first_contact_weeks"]
df[count_cols] = df[count_cols].fillna(0)
df["reply_ratio"] = df["n_inbound"] / (df["n_letters"] - df["n_inbound"] + 1)

formula = (
    "awarded ~ log_request + match_share + weeks_to_panel + C(listed_grade)"
    " + C(project_type) + C(region) + first_time_applicant + volunteers_involved"
    " + n_info_requests + n_site_visits + n_co_letters + np.log1p(total_pages)"
    " + reply_ratio + first_contact_weeks"
)

train = df[df["panel_date"] < TEST_FROM]
test = df[df["panel_date"] >= TEST_FROM]
print(f"train apps {len(train)}  test apps {len(test)}  award rate {train['awarded'].mean():.3f}")

fit = smf.logit(formula, data=train).fit(disp=False, maxiter=200)
print(fit.summary2().tables[1][["Coef.", "P>|z|"]].round(3))

p = fit.predict(test)
print(f"test AUC {roc_auc_score(test['awarded'], p):.4f}")
print(f"test Brier {brier_score_loss(test['awarded'], p):.4f}")

by_round = test.assign(p=p).groupby("round_id").agg(
    apps=("app_id", "count"), awarded=("awarded", "sum"), expected=("p", "sum")
)
print(by_round.round(1))
