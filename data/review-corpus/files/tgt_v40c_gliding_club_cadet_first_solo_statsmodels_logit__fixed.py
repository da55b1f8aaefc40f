# label: leakage/none
# Gliding club: will a cadet go solo by the end of the flying season?
# Fitted at the June instructors' meeting to decide who gets priority
# on the two-seaters in July and August.
import numpy as np
import pandas as pd
import statsmodels.formula.api as smf
from sklearn.metrics import log_loss, roc_auc_score

cadets = pd.read_csv("data/cadet_season_register.csv", parse_dates=["date_of_birth", "season_start"])
flights = pd.read_csv("data/launch_log.csv", parse_dates=["flight_date"])
solos = pd.read_csv("data/first_solo_certificates.csv", parse_dates=["solo_date"])

flights["season"] = flights["flight_date"].dt.year
flights["by_june"] = flights["flight_date"].dt.month <= 6

# training flights per cadet-season
per = flights.groupby(["cadet_id", "season"])
agg = pd.DataFrame({
    "launches_to_june": per["by_june"].sum(),
    "minutes_to_june": per.apply(lambda d: d.loc[d["by_june"], "flight_minutes"].sum()),
    "instructors_to_june": per.apply(lambda d: d.loc[d["by_june"], "instructor_id"].nunique()),
    "winch_share_to_june": per.apply(lambda d: (d.loc[d["by_june"], "launch_method"] == "winch").mean()),
    "season_launches": per.size(),
}).reset_index()

df = cadets.merge(agg, on=["cadet_id", "season"], how="left")
df = df.merge(solos[["cadet_id", "season", "solo_date"]], on=["cadet_id", "season"], how="left")
df["solo"] = df["solo_date"].notna().astype(int)
df = df[~(df["solo_date"].dt.month <= 6).fillna(False)]
for col in ["launches_to_june", "minutes_to_june", "instructors_to_june",
            "winch_share_to_june", "season_launches"]:
    df[col] = df[col].fillna(0)
df["age"] = (df["season_start"] - df["date_of_birth"]).dt.days / 365.25
df["mins_per_launch"] = df["minutes_to_june"] / df["launches_to_june"].clip(lower=1)

seasons = np.sort(df["season"].unique())
train = df[df["season"] < seasons[-1]].copy()
test = df[df["season"] == seasons[-1]].copy()

formula = (
    "solo ~ age + I(age ** 2) + launches_to_june + mins_per_launch + instructors_to_june"
    " + prior_seasons + C(bursary) + winch_share_to_june + weekday_member"
)
model = smf.logit(formula, data=train).fit(disp=False, maxiter=200)
print(model.summary())

p = model.predict(test)
y = test["solo"]
print(f"cadet-seasons train/test: {len(train)}/{len(test)}")
print(f"solo rate, latest season: {y.mean():.2%}")
print(f"ROC AUC:  {roc_auc_score(y, p):.3f}")
print(f"log loss: {log_loss(y, p):.3f}")

# priority list: cadets between 30% and 70% predicted chance
test["p_solo"] = p
priority = test[test["p_solo"].between(0.3, 0.7)]
print(f"priority cadets: {len(priority)}, of whom {priority['solo'].mean():.0%} went solo")

odds = np.exp(model.params).rename("odds_ratio").to_frame()
odds["p_value"] = model.pvalues
print(odds.round(3))
