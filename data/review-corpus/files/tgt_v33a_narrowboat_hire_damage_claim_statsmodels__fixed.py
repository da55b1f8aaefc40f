# label: leakage/none
# Holiday narrowboat hire: odds of a damage claim against the hirer's deposit.
# Logistic regression so the fleet manager can read the effect sizes directly.
import numpy as np
import pandas as pd
import statsmodels.formula.api as smf
from sklearn.metrics import roc_auc_score

hires = pd.read_csv("fleet/hire_returns_2017_2024.csv", parse_dates=["start_date", "planned_end_date"])
boats = pd.read_csv("fleet/boats.csv")

df = hires.merge(boats[["boat_id", "length_ft", "build_year", "bow_thruster"]], on="boat_id", how="left")
df = df[df["status"] == "completed"].copy()
df["nights"] = (df["planned_end_date"] - df["start_date"]).dt.days
df["boat_age"] = df["start_date"].dt.year - df["build_year"]
df["first_time_hirer"] = (df["previous_hires"] == 0).astype(int)
df["locks_per_night"] = df["planned_locks"] / df["nights"].clip(lower=1)
df["school_holiday"] = df["school_holiday"].astype(int)
df["damage_claim"] = (df["deposit_deduction_gbp"] > 0).astype(int)
df["route"] = df["route"].fillna("other")

# most recent season held back for checking
train = df[df["start_date"] < "2024-01-01"]
test = df[df["start_date"] >= "2024-01-01"]
print(f"train hires: {len(train)}, test hires: {len(test)}, claim rate {train['damage_claim'].mean():.3f}")

formula = (
    "damage_claim ~ first_time_hirer + np.log1p(previous_hires) + party_size + C(route)"
    " + nights + locks_per_night + length_ft + boat_age + bow_thruster"
    " + school_holiday + handover_minutes"
)
result = smf.logit(formula, data=train).fit(disp=False, maxiter=200)
print(result.summary())

odds = pd.DataFrame({
    "odds_ratio": np.exp(result.params),
    "ci_low": np.exp(result.conf_int()[0]),
    "ci_high": np.exp(result.conf_int()[1]),
    "p_value": result.pvalues,
}).round(3)
print(odds.sort_values("p_value").head(12))

test_prob = result.predict(test)
print(f"\nTest ROC AUC: {roc_auc_score(test['damage_claim'], test_prob):.3f}")

by_route = (
    test.assign(prob=test_prob)
    .groupby("route")
    .agg(hires=("damage_claim", "size"), observed=("damage_claim", "mean"), expected=("prob", "mean"))
    .sort_values("hires", ascending=False)
)
print(by_route.round(3).to_string())
