# label: leakage/none
"""Which registered players leave the band during the contest season?

The band secretary reviews the roster at the end of week 6 of each season
(mid-October) and phones anyone who looks likely to drift away before the
area contest. Data: the registration roster plus the rehearsal register.
"""
import numpy as np
import pandas as pd
import statsmodels.formula.api as smf
from sklearn.metrics import brier_score_loss, roc_auc_score

REVIEW_WEEK = 6
FIRST_TEST_SEASON = 2022


def load_roster(path):
    roster = pd.read_csv(path)
    # only players still on the books at the review point
    roster = roster[roster["left_week"].isna() | (roster["left_week"] > REVIEW_WEEK)].copy()
    roster["left_season"] = roster["left_week"].notna().astype(int)
    roster["section"] = roster["section"].replace({"flugel": "cornet", "sop": "cornet"})
    return roster


def attendance_features(register):
    rates = (
        register.groupby(["player_id", "season"])
        .agg(rehearsals=("attended", "size"), attendance_rate=("attended", "mean"),
             late_arrivals=("late", "sum"))
        .reset_index()
    )
    prev = rates[["player_id", "season", "attendance_rate"]].rename(
        columns={"attendance_rate": "prev_season_rate"}
    )
    prev["season"] += 1
    return rates.merge(prev, on=["player_id", "season"], how="left")


def build_frame(roster, register):
    df = roster.merge(attendance_features(register), on=["player_id", "season"], how="left")
    df["prev_season_rate"] = df["prev_season_rate"].fillna(df["attendance_rate"])
    df["log_travel_km"] = np.log1p(df["travel_km"])
    df["junior"] = (df["age"] < 18).astype(int)
    return df.dropna(subset=["attendance_rate"])


roster = load_roster("data/band_roster.csv")
register = pd.read_csv("data/rehearsal_register.csv")
# register rows: player_id, season, week_of_season, attended, late
register = register[register["week_of_season"] <= REVIEW_WEEK]

df = build_frame(roster, register)
train = df[df["season"] < FIRST_TEST_SEASON]
test = df[df["season"] >= FIRST_TEST_SEASON]
print(f"train {len(train)} player-seasons, test {len(test)}; leaving rate {df['left_season'].mean():.1%}")

formula = (
    "left_season ~ attendance_rate + prev_season_rate + late_arrivals"
    " + years_in_band + log_travel_km + junior + C(section) + second_band"
)
fit = smf.logit(formula, data=train).fit(disp=False)
print(fit.summary2().tables[1][["Coef.", "Std.Err.", "P>|z|"]].round(3))

p_test = fit.predict(test)
print(f"\ntest AUC {roc_auc_score(test['left_season'], p_test):.3f}")
print(f"test Brier {brier_score_loss(test['left_season'], p_test):.4f}")

calls = test.assign(p=p_test).sort_values("p", ascending=False).head(15)
print(calls[["player_id", "season", "section", "p", "left_season"]].round(3).to_string(index=False))
