# label: leakage/none
"""Estimate conservator hours for stained-glass panel restorations with an OLS model."""
import numpy as np
import pandas as pd
import statsmodels.formula.api as smf
from sklearn.model_selection import KFold, train_test_split

jobs = pd.read_csv("data/stained_glass_restorations.csv", parse_dates=["intake_date"])

# drop obviously mis-keyed timesheets
df = jobs[jobs["conservator_hours"].between(1, 600)].copy()
df["area_m2"] = df["width_cm"] * df["height_cm"] / 1e4
df["lead_age"] = df["intake_date"].dt.year - df["last_releaded_year"].fillna(df["install_year"])
df["cracked_share"] = df["cracked_pieces"] / df["piece_count"].clip(lower=1)
df["painted"] = df["painted_detail"].str.lower().map({"yes": 1, "no": 0}).fillna(0).astype(int)
df["glass_type"] = df["glass_type"].str.strip().str.lower()
df["log_hours"] = np.log(df["conservator_hours"])

cols = [
    "log_hours", "conservator_hours", "area_m2", "lead_age", "cracked_share",
    "piece_count", "painted", "glass_type", "workshop",
]
df = df[cols].dropna().reset_index(drop=True)
print(f"{len(df)} panels, median {df['conservator_hours'].median():.0f} hours")

train, test = train_test_split(df, test_size=0.25, random_state=11)

candidates = {
    "base": "log_hours ~ np.log(area_m2) + cracked_share",
    "lead": "log_hours ~ np.log(area_m2) + cracked_share + lead_age",
    "pieces": "log_hours ~ np.log(area_m2) + cracked_share + lead_age + np.log(piece_count)",
    "glass": "log_hours ~ np.log(area_m2) + cracked_share + lead_age + np.log(piece_count) + C(glass_type)",
    "full": ("log_hours ~ np.log(area_m2) * painted + cracked_share + lead_age"
             " + np.log(piece_count) + C(glass_type) + C(workshop)"),
}


def hours_rmse(fit, frame):
    # back-transform with a lognormal smearing factor
    pred = np.exp(fit.predict(frame)) * np.exp(fit.scale / 2)
    return float(np.sqrt(np.mean((frame["conservator_hours"] - pred) ** 2)))


def cv_rmse(formula, frame, n_splits=5):
    scores = []
    for fit_idx, val_idx in KFold(n_splits, shuffle=True, random_state=11).split(frame):
        fit = smf.ols(formula, data=frame.iloc[fit_idx]).fit()
        scores.append(hours_rmse(fit, frame.iloc[val_idx]))
    return float(np.mean(scores))


results = {}
for name, formula in candidates.items():
    score = cv_rmse(formula, train)
    results[name] = score
    print(f"{name:8s} cv_rmse={score:.1f}")

best_name = min(results, key=results.get)
best_fit = smf.ols(candidates[best_name], data=train).fit()
best_rmse = hours_rmse(best_fit, test)
print(best_fit.summary().tables[1])
print(f"chosen specification: {best_name}")
print(f"test RMSE: {best_rmse:.1f} hours")
