# label: leakage/none
"""Community choirs: do members come back next season? Mid-season survey + attendance register."""
import numpy as np
import pandas as pd
import matplotlib.pyplot as plt
from sklearn.decomposition import FactorAnalysis
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score, brier_score_loss

SURVEY = "data/midseason_survey.csv"
REGISTER = "data/attendance_register.csv"
N_FACTORS = 4
ITEMS = [f"q{i:02d}" for i in range(1, 25)]
VOICE_PARTS = ["soprano", "alto", "tenor", "bass"]


def load_members():
    survey = pd.read_csv(SURVEY)
    register = pd.read_csv(REGISTER, parse_dates=["rehearsal_date"])
    midseason = register[register["rehearsal_date"] <= register["midseason_date"]]
    att = (midseason.groupby("member_id")
           .agg(rehearsals_attended=("present", "sum"), rehearsals_offered=("present", "size"),
                late_arrivals=("late", "sum"))
           .reset_index())
    df = survey.merge(att, on="member_id", how="inner")
    df["attendance_rate"] = df["rehearsals_attended"] / df["rehearsals_offered"]
    for part in VOICE_PARTS:
        df[f"part_{part}"] = (df["voice_part"] == part).astype(int)
    df[ITEMS] = df[ITEMS].fillna(3)
    return df


def factor_frame(scores):
    return pd.DataFrame(scores, columns=[f"factor_{k}" for k in range(scores.shape[1])])


members = load_members()
print(members.shape, "return rate %.2f" % members["returned_next_season"].mean())

base_cols = ["attendance_rate", "late_arrivals", "years_in_choir", "commute_km", "age",
             "pays_reduced_fee"] + [f"part_{p}" for p in VOICE_PARTS]
factor_cols = [f"factor_{k}" for k in range(N_FACTORS)]

train, test = train_test_split(members, test_size=0.25, stratify=members["returned_next_season"],
                               random_state=13)

fa = FactorAnalysis(n_components=N_FACTORS, rotation="varimax", random_state=0)
train_scores = fa.fit_transform(train[ITEMS].to_numpy())
test_scores = fa.transform(test[ITEMS].to_numpy())
train = pd.concat([train.reset_index(drop=True), factor_frame(train_scores)], axis=1)
test = pd.concat([test.reset_index(drop=True), factor_frame(test_scores)], axis=1)

loadings = pd.DataFrame(fa.components_.T, index=ITEMS, columns=[f"factor_{k}" for k in range(N_FACTORS)])
print(loadings.round(2))

y_train, y_test = train["returned_next_season"], test["returned_next_season"]

cols = base_cols + factor_cols
clf = make_pipeline(StandardScaler(), LogisticRegression(C=1.0, max_iter=1000))
clf.fit(train[cols], y_train)
p_test = clf.predict_proba(test[cols])[:, 1]
print(f"AUC {roc_auc_score(y_test, p_test):.3f}  Brier {brier_score_loss(y_test, p_test):.3f}")

by_part = test.assign(p=p_test).groupby("voice_part")[["returned_next_season", "p"]].mean()
print(by_part.round(3))

coefs = pd.Series(clf[-1].coef_[0], index=base_cols + factor_cols).sort_values()
coefs.plot.barh(figsize=(5, 4))
plt.tight_layout()
plt.savefig("choir_coefficients.png")
