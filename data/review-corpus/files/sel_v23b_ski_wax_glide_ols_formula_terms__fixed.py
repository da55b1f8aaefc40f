# label: leakage/none
"""Model glide-test run times for ski wax and snow conditions with statsmodels OLS formulas."""
import numpy as np
import pandas as pd
import statsmodels.formula.api as smf
from sklearn.model_selection import GroupShuffleSplit

runs = pd.read_csv("glide_test_runs.csv")
snow = pd.read_csv("snow_pit_readings.csv")

runs = runs.merge(snow, on=["test_day", "track_id"], how="left")
runs = runs.dropna(subset=["run_time_s", "snow_temp_c", "rel_humidity"])
runs = runs[runs["valid_run"] == 1]

runs["log_time"] = np.log(runs["run_time_s"])
runs["temp_band"] = pd.cut(runs["snow_temp_c"], [-40, -12, -6, -2, 1], labels=["cold", "mid", "mild", "wet"])
runs["new_snow"] = (runs["snow_age_days"] <= 2).astype(int)

# keep whole test days together; snow changes hour by hour within a day
gss = GroupShuffleSplit(n_splits=1, test_size=0.25, random_state=8)
train_idx, test_idx = next(gss.split(runs, groups=runs["test_day"]))
train, test = runs.iloc[train_idx], runs.iloc[test_idx]

inner = GroupShuffleSplit(n_splits=1, test_size=0.25, random_state=9)
fit_idx, val_idx = next(inner.split(train, groups=train["test_day"]))
fit_part, val_part = train.iloc[fit_idx], train.iloc[val_idx]

candidates = {
    "base": "log_time ~ C(wax) + snow_temp_c + rel_humidity + skier_kg",
    "grind": "log_time ~ C(wax) + C(grind) + snow_temp_c + rel_humidity + skier_kg",
    "wax_x_temp": "log_time ~ C(wax) * snow_temp_c + rel_humidity + skier_kg",
    "wax_x_band": "log_time ~ C(wax) * C(temp_band) + C(grind) + rel_humidity + skier_kg",
    "full": "log_time ~ C(wax) * snow_temp_c + C(wax):rel_humidity + C(grind) * new_snow"
            " + snow_density + skier_kg",
}


def rmse_seconds(fit, frame):
    pred = np.exp(fit.predict(frame))
    return float(np.sqrt(np.mean((frame["run_time_s"] - pred) ** 2)))


rows = []
fits = {}
for name, formula in candidates.items():
    fits[name] = smf.ols(formula, data=fit_part).fit()
    rows.append({"model": name, "aic": fits[name].aic,
                 "val_rmse_s": rmse_seconds(fits[name], val_part)})

summary = pd.DataFrame(rows).sort_values("val_rmse_s")
print(summary.to_string(index=False))

chosen = summary.iloc[0]["model"]
final = smf.ols(candidates[chosen], data=train).fit()
print(final.summary().tables[1])
print(f"selected formula: {candidates[chosen]}")
print(f"held-out day RMSE: {rmse_seconds(final, test):.3f} s")
