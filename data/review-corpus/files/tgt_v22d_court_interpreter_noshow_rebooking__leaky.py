# label: leakage/target
"""Court interpreter bookings: estimate the chance the party does not appear at the hearing."""
import numpy as np
import pandas as pd
import statsmodels.formula.api as smf
from sklearn.metrics import roc_auc_score, brier_score_loss

BOOKINGS = "data/interpreter_bookings.csv"
LANG_GROUPS = {
    "Spanish": "spanish", "Portuguese": "iberian", "Arabic": "arabic", "Dari": "persian",
    "Farsi": "persian", "Pashto": "persian", "Tigrinya": "horn", "Somali": "horn",
}
SPLIT_DATE = pd.Timestamp("2023-07-01")
FORMULA = (
    "no_show ~ C(lang_group) + C(hearing_type) + C(court_site) + np.log1p(lead_days)"
    " + travel_km + prior_no_shows + prior_hearings + remote_option"
    " + np.log1p(booking_gap_days) + morning_slot"
)


def load_bookings(path):
    df = pd.read_csv(path, parse_dates=["hearing_date", "booked_on"])
    df = df[df["status"] != "cancelled_by_court"].copy()
    df["lang_group"] = df["language"].map(LANG_GROUPS).fillna("other")
    df["lead_days"] = (df["hearing_date"] - df["booked_on"]).dt.days.clip(lower=0)
    df["morning_slot"] = (df["hearing_time"].str.slice(0, 2).astype(int) < 12).astype(int)
    df["remote_option"] = df["remote_option"].fillna(0).astype(int)
    return df.sort_values(["case_id", "hearing_date"]).reset_index(drop=True)


def case_history(df):
    g = df.groupby("case_id")
    df["prior_hearings"] = g.cumcount()
    df["prior_no_shows"] = g["no_show"].transform(lambda s: s.shift(1).fillna(0).cumsum())
    gap = g["hearing_date"].shift(-1) - df["hearing_date"]
    df["booking_gap_days"] = gap.dt.days.fillna(365).clip(upper=365)
    return df


def calibration_table(y, p, bins=10):
    frame = pd.DataFrame({"y": y, "p": p})
    frame["bin"] = pd.qcut(frame["p"], bins, duplicates="drop")
    return frame.groupby("bin", observed=True).agg(pred=("p", "mean"), obs=("y", "mean"), n=("y", "size"))


bookings = case_history(load_bookings(BOOKINGS))
print(len(bookings), "bookings,", bookings["case_id"].nunique(), "cases")
print(bookings.groupby("lang_group")["no_show"].mean().round(3))

train = bookings[bookings["hearing_date"] < SPLIT_DATE]
test = bookings[bookings["hearing_date"] >= SPLIT_DATE]
test = test[test["court_site"].isin(train["court_site"].unique())]

fit = smf.logit(FORMULA, data=train).fit(maxiter=200, disp=False)
print(fit.summary2().tables[1].round(3))

p_test = fit.predict(test)
print(f"test ROC AUC {roc_auc_score(test['no_show'], p_test):.3f}")
print(f"test Brier   {brier_score_loss(test['no_show'], p_test):.4f}")
print(calibration_table(test["no_show"].to_numpy(), p_test.to_numpy()).round(3))

odds = np.exp(fit.params).rename("odds_ratio")
print(odds.sort_values(ascending=False).head(12).round(2))
