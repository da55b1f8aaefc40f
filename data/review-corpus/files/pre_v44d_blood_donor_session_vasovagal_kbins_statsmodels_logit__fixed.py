# label: leakage/none
"""Risk of a vasovagal reaction at whole-blood donation sessions.

Donor-session nurses asked for a simple, explainable score, so continuous
measures are banded and fed to a logistic regression whose odds ratios can be
printed on the session guidance card.
"""
import numpy as np
import pandas as pd
import statsmodels.api as sm
from sklearn.metrics import brier_score_loss, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import KBinsDiscretizer

N_BINS = 4
BANDED = ["age", "weight_kg", "est_blood_volume_ml", "hours_since_meal", "pre_hb_g_l"]
BINARY = ["first_time_donor", "female", "fluid_drink_given", "evening_session", "mobile_venue"]


def nadler_blood_volume(height_cm, weight_kg, female):
    h = height_cm / 100.0
    male_v = 0.3669 * h ** 3 + 0.03219 * weight_kg + 0.6041
    female_v = 0.3561 * h ** 3 + 0.03308 * weight_kg + 0.1833
    return np.where(female == 1, female_v, male_v) * 1000


def band_dummies(binned, columns):
    frame = pd.DataFrame(binned.astype(int), columns=columns)
    parts = []
    for col in columns:
        cat = pd.Categorical(frame[col], categories=range(N_BINS))
        parts.append(pd.get_dummies(cat, prefix=col, drop_first=True, dtype=float))
    return pd.concat(parts, axis=1)


sessions = pd.read_csv("data/donation_attendances_2023.csv")
sessions = sessions[sessions["donation_type"] == "whole_blood"]
# first attendance of the year per donor
sessions = sessions.sort_values("attended_on").drop_duplicates("donor_id", keep="first")
sessions = sessions.dropna(subset=["height_cm", "weight_kg", "pre_hb_g_l", "hours_since_meal"])
sessions["female"] = (sessions["sex"] == "F").astype(int)
sessions["est_blood_volume_ml"] = nadler_blood_volume(
    sessions["height_cm"], sessions["weight_kg"], sessions["female"]
)
sessions["evening_session"] = (sessions["session_start_hour"] >= 16).astype(int)
y = sessions["vasovagal_reaction"].astype(int)
print(f"{len(sessions)} attendances, reaction rate {y.mean():.2%}")

train_rows, test_rows = train_test_split(
    np.arange(len(sessions)), test_size=0.3, stratify=y, random_state=21
)

binner = KBinsDiscretizer(n_bins=N_BINS, encode="ordinal", strategy="quantile")
binner.fit(sessions[BANDED].iloc[train_rows])
binned = binner.transform(sessions[BANDED])

design = pd.concat(
    [band_dummies(binned, BANDED), sessions[BINARY].reset_index(drop=True).astype(float)],
    axis=1,
)
design = sm.add_constant(design)

X_train, X_test = design.iloc[train_rows], design.iloc[test_rows]
y_train, y_test = y.to_numpy()[train_rows], y.to_numpy()[test_rows]

fit = sm.Logit(y_train, X_train).fit(disp=False, maxiter=200)
print(fit.summary2().tables[1][["Coef.", "P>|z|"]].round(3))

odds = np.exp(fit.params).rename("odds_ratio")
print(odds.drop("const").sort_values(ascending=False).round(2))

for col, edges in zip(BANDED, binner.bin_edges_):
    print(f"{col:22s} bands: {np.round(edges[1:-1], 1)}")

p_test = fit.predict(X_test)
print(f"test AUC {roc_auc_score(y_test, p_test):.3f}  Brier {brier_score_loss(y_test, p_test):.4f}")
