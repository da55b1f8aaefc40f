# label: leakage/none
"""Model installer hours for loft insulation jobs from the pre-visit survey to improve quoting."""
import numpy as np
import pandas as pd
import statsmodels.api as sm
from sklearn.metrics import mean_absolute_error
from sklearn.model_selection import train_test_split

jobs = pd.read_csv("loft_jobs.csv")
surveys = pd.read_csv("previsit_surveys.csv")
df = jobs.merge(surveys, on="job_id", how="inner")
df = df[df["job_status"] == "completed"].dropna(subset=["installer_hours"]).copy()

df["log_area"] = np.log(df["loft_area_m2"].clip(lower=5))
df["top_up_mm"] = (df["target_depth_mm"] - df["existing_depth_mm"]).clip(lower=0)
df["boarded_share"] = df["boarded_area_m2"] / df["loft_area_m2"].clip(lower=5)
df["hatch_small"] = (df["hatch_width_cm"] < 55).astype(float)
df["access_score"] = df["headroom_cm"] / 10 - df["obstructions"]

numeric = ["log_area", "top_up_mm", "boarded_share", "access_score",
           "n_downlights", "storeys", "property_age_years"]
flags = ["hatch_small", "needs_eaves_vents", "stored_items", "two_person_crew"]


def robust_scale(frame, cols, centre, spread):
    out = frame.copy()
    for c in cols:
        out[c] = (out[c] - centre[c]) / spread[c]
    return out


train, test = train_test_split(df, test_size=0.2, random_state=13)

centre = train[numeric].median()
spread = (train[numeric] - centre).abs().median() * 1.4826
spread = spread.replace(0, 1.0)
train = robust_scale(train, numeric, centre, spread)
test = robust_scale(test, numeric, centre, spread)

X_train = sm.add_constant(train[numeric + flags].astype(float))
X_test = sm.add_constant(test[numeric + flags].astype(float), has_constant="add")
y_train = np.log(train["installer_hours"])
y_test = test["installer_hours"]

ols = sm.OLS(y_train, X_train).fit(cov_type="HC3")
print(ols.summary().tables[1])

smear = np.mean(np.exp(ols.resid))
pred_hours = np.exp(ols.predict(X_test)) * smear
print(f"test MAE (hours): {mean_absolute_error(y_test, pred_hours):.2f}")
within_1h = np.mean(np.abs(pred_hours - y_test) <= 1.0)
print(f"share of quotes within one hour: {within_1h:.3f}")
