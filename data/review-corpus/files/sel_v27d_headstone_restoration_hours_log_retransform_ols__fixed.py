# label: leakage/none
"""Estimate headstone restoration labour hours from survey records with a log-linear OLS model."""
import numpy as np
import pandas as pd
import statsmodels.formula.api as smf

jobs = pd.read_csv("headstone_restoration_jobs.csv", parse_dates=["quoted_on"])
stones = pd.read_csv("cemetery_stone_survey.csv")

df = jobs.merge(stones, on="stone_id", how="left")
df = df[df["labour_hours"] > 0]
df = df.dropna(subset=["height_cm", "width_cm", "thickness_cm", "stone_type", "lean_deg"])
df["lichen_cover_pct"] = df["lichen_cover_pct"].fillna(0)
df["inscription_chars"] = df["inscription_chars"].fillna(0)

df["face_area_m2"] = df["height_cm"] * df["width_cm"] / 1e4
df["age_years"] = df["quoted_on"].dt.year - df["year_erected"]
df["log_hours"] = np.log(df["labour_hours"])

formula = (
    "log_hours ~ np.log(face_area_m2) + thickness_cm + C(stone_type) + C(job_type)"
    " + lean_deg + lichen_cover_pct + np.log1p(inscription_chars) + age_years + C(base_type)"
)

df = df.sort_values("quoted_on")
train = df[df["quoted_on"] < "2023-01-01"]
test = df[df["quoted_on"] >= "2023-01-01"]
print(len(train), "training jobs,", len(test), "test jobs")

# the second half of 2022 is held back to choose the retransformation
fit_part = train[train["quoted_on"] < "2022-07-01"]
val_part = train[train["quoted_on"] >= "2022-07-01"]


def back_transform(fitted, log_pred, method):
    """Return predictions on the hours scale."""
    if method == "naive":
        return np.exp(log_pred)
    if method == "lognormal":
        return np.exp(log_pred + fitted.scale / 2.0)
    if method == "smearing":
        return np.exp(log_pred) * np.mean(np.exp(fitted.resid))
    raise ValueError(method)


ols_val = smf.ols(formula, data=fit_part).fit()
val_log_pred = ols_val.predict(val_part)
mae = {}
for method in ["naive", "lognormal", "smearing"]:
    hours = back_transform(ols_val, val_log_pred, method)
    mae[method] = float(np.mean(np.abs(val_part["labour_hours"] - hours)))
    print(f"{method:10s} val MAE {mae[method]:.2f} h")

best = min(mae, key=mae.get)
ols = smf.ols(formula, data=train).fit()
print(ols.summary().tables[1])
hours = back_transform(ols, ols.predict(test), best)
print("retransformation:", best)
print("test MAE (h):", round(float(np.mean(np.abs(test["labour_hours"] - hours))), 2))
print("quoted vs actual total hours:", round(hours.sum() / test["labour_hours"].sum(), 3))
by_type = pd.DataFrame({"job_type": test["job_type"], "err": (hours - test["labour_hours"]).abs()})
print(by_type.groupby("job_type")["err"].mean().round(2))
