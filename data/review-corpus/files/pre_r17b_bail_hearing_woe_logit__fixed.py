# label: leakage/none
# twin: pre_r17b_bail_hearing_woe_logit__leaky.py
# source: hand-written for ai-ci, round 17 tuning probes (Apache-2.0)
import numpy as np
import pandas as pd
import statsmodels.api as sm
from sklearn.model_selection import train_test_split
from sklearn.metrics import roc_auc_score, log_loss

CASES = "court/pretrial_release_cases.csv"
SEED = 17


def woe_table(frame, col, target, smoothing=0.5):
    """Weight of evidence per level of a categorical column."""
    counts = frame.groupby(col)[target].agg(["sum", "count"])
    events = counts["sum"] + smoothing
    non_events = counts["count"] - counts["sum"] + smoothing
    woe = np.log((events / events.sum()) / (non_events / non_events.sum()))
    return woe.rename(f"{col}_woe")


def apply_woe(frame, col, table):
    return frame[col].map(table).fillna(0.0)


def prepare(frame):
    frame = frame.copy()
    frame["age_at_arrest"] = frame["age_at_arrest"].clip(16, 80)
    frame["log_bond"] = np.log1p(frame["bond_amount"])
    frame["days_to_first_hearing"] = (
        pd.to_datetime(frame["first_hearing_date"]) - pd.to_datetime(frame["release_date"])
    ).dt.days.clip(0, 365)
    frame["has_phone"] = frame["contact_phone"].notna().astype(int)
    frame["reminder_enrolled"] = (frame["sms_reminder"] == "Y").astype(int)
    return frame


cases = pd.read_csv(CASES)
cases = cases[cases["released_pretrial"] == 1]
cases["fta"] = (cases["appearance_outcome"] == "FTA").astype(int)
cases = prepare(cases)
print(cases.shape, "FTA rate", round(cases["fta"].mean(), 3))

woe_cols = ["charge_category", "court_division", "zip3"]
numeric = ["age_at_arrest", "log_bond", "days_to_first_hearing", "prior_fta_count",
           "prior_convictions", "pending_cases", "has_phone", "reminder_enrolled"]
features = numeric + [f"{c}_woe" for c in woe_cols]

train, test = train_test_split(cases, test_size=0.3, stratify=cases["fta"], random_state=SEED)
train, test = train.copy(), test.copy()

for col in woe_cols:
    table = woe_table(train, col, "fta")
    train[f"{col}_woe"] = apply_woe(train, col, table)
    test[f"{col}_woe"] = apply_woe(test, col, table)

X_train = sm.add_constant(train[features].astype(float))
X_test = sm.add_constant(test[features].astype(float), has_constant="add")

logit = sm.Logit(train["fta"], X_train).fit(disp=0, maxiter=200)
print(logit.summary2().tables[1][["Coef.", "Std.Err.", "P>|z|"]].round(3))

p_test = logit.predict(X_test)
print("test AUC     :", round(roc_auc_score(test["fta"], p_test), 4))
print("test log loss:", round(log_loss(test["fta"], p_test), 4))

odds = np.exp(logit.params.drop("const")).sort_values()
print("odds ratios per unit:")
print(odds.round(3))

test = test.assign(score=p_test)
test["risk_band"] = pd.cut(test["score"], [0, 0.1, 0.2, 0.35, 1.0],
                           labels=["low", "moderate", "elevated", "high"])
print(test.groupby("risk_band", observed=True)["fta"].agg(["size", "mean"]))
