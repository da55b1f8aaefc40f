# label: leakage/none
"""Gymnastics club: probability that a junior passes a proficiency award assessment.

Coaches enter gymnasts for award assessments; the model helps them decide who is ready
and who should wait for the next assessment day. Attendance comes from the door register.
"""
import numpy as np
import pandas as pd
import statsmodels.formula.api as smf
from sklearn.metrics import roc_auc_score, brier_score_loss

SEASON_START_MONTH = 9  # seasons run September to July


def season_of(dates):
    return np.where(dates.dt.month >= SEASON_START_MONTH, dates.dt.year, dates.dt.year - 1)


def attendance_features(assessments, register):
    reg = register.merge(assessments[["assessment_id", "member_id", "assessment_date", "season"]],
                         on="member_id", how="inner")
    reg = reg[reg["session_season"] == reg["season"]]
    start = reg["assessment_date"] - pd.Timedelta(weeks=12)
    end = reg["assessment_date"]
    window = reg[(reg["session_date"] >= start) & (reg["session_date"] < end)]
    weeks = 12.0

    feats = window.groupby("assessment_id").agg(
        sessions=("session_date", "size"),
        apparatus_sessions=("session_type", lambda s: (s == "apparatus").sum()),
    )
    feats["sessions_per_week"] = feats["sessions"] / weeks
    feats["apparatus_share"] = feats["apparatus_sessions"] / feats["sessions"].clip(lower=1)
    out = assessments.merge(feats, on="assessment_id", how="left")
    return out.fillna({"sessions": 0, "sessions_per_week": 0.0, "apparatus_share": 0.0})


assessments = pd.read_csv("award_assessments.csv", parse_dates=["assessment_date"])
register = pd.read_csv("door_register.csv", parse_dates=["session_date"])
assessments["season"] = season_of(assessments["assessment_date"])
register["session_season"] = season_of(register["session_date"])
assessments = assessments[assessments["age"].between(8, 17)]

data = attendance_features(assessments, register)
data["competed_last_season"] = (data["competitions_last_season"] > 0).astype(int)

train = data[data["season"] < 2023]
test = data[data["season"] == 2023]
print(f"train assessments {len(train)}, test assessments {len(test)}, "
      f"pass rate {train['awarded'].mean():.1%}")

formula = ("awarded ~ sessions_per_week + apparatus_share + C(current_award_level) + age"
           " + years_training + competed_last_season + C(sex)")
fit = smf.logit(formula, data=train).fit(disp=False)
print(fit.summary().tables[1])

p = fit.predict(test)
print(f"test AUC   {roc_auc_score(test['awarded'], p):.3f}")
print(f"test Brier {brier_score_loss(test['awarded'], p):.3f}")

odds = np.exp(fit.params).rename("odds_ratio")
print(odds.round(2))
