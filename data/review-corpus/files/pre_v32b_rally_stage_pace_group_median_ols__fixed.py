# label: leakage/none
"""Expected stage pace (seconds per km) for national rally entries.

Past seasons are used to fit the model; the latest season is held out.
Stage notes are sometimes incomplete, so gaps are filled per surface type.
"""
import numpy as np
import pandas as pd
import statsmodels.formula.api as smf

SEASON_FILES = {
    2020: "results/stage_times_2020.csv",
    2021: "results/stage_times_2021.csv",
    2022: "results/stage_times_2022.csv",
    2023: "results/stage_times_2023.csv",
}
STAGES_FILE = "results/stage_profiles.csv"
HOLDOUT_SEASON = 2023
FILL_COLS = ["corner_density_per_km", "elevation_gain_m", "avg_gradient_pct", "jump_count"]


def read_seasons(files):
    frames = []
    for season, path in files.items():
        part = pd.read_csv(path)
        part["season"] = season
        frames.append(part)
    return pd.concat(frames, ignore_index=True)


def fill_by_surface(df, cols, reference):
    out = df.copy()
    medians = reference.groupby("surface")[cols].median()
    overall = reference[cols].median()
    for col in cols:
        mapped = out["surface"].map(medians[col]).fillna(overall[col])
        out[col] = out[col].fillna(mapped)
    return out


def add_roughness_z(df, reference):
    out = df.copy()
    stats = reference.groupby("surface")["roughness_index"].agg(["mean", "std"])
    out["roughness_z"] = (
        (out["roughness_index"] - out["surface"].map(stats["mean"])) / out["surface"].map(stats["std"])
    )
    return out


times = read_seasons(SEASON_FILES)
stages = pd.read_csv(STAGES_FILE)
data = times.merge(stages, on=["event_id", "stage_no"], how="left")
data = data[data["finished"] == 1]
data["pace_s_per_km"] = data["stage_time_s"] / data["stage_length_km"]
data["log_pace"] = np.log(data["pace_s_per_km"])
data["night"] = data["start_hour"].ge(19).astype(int)

train = data[data["season"] < HOLDOUT_SEASON]
test = data[data["season"] == HOLDOUT_SEASON]

train, test = fill_by_surface(train, FILL_COLS, train), fill_by_surface(test, FILL_COLS, train)
train, test = add_roughness_z(train, train), add_roughness_z(test, train)

formula = (
    "log_pace ~ C(surface) + C(car_class) + corner_density_per_km + elevation_gain_m"
    " + avg_gradient_pct + jump_count + roughness_z + stage_length_km + night"
    " + wet_conditions + np.log(driver_seed) + C(surface):wet_conditions"
)
fit = smf.ols(formula, data=train).fit(cov_type="cluster", cov_kwds={"groups": train["event_id"]})
print(fit.summary().tables[1])

pred_pace = np.exp(fit.predict(test))
err = pred_pace - test["pace_s_per_km"]
print(f"holdout {HOLDOUT_SEASON}: MAE {err.abs().mean():.3f} s/km, "
      f"MAPE {(err.abs() / test['pace_s_per_km']).mean():.2%}")

by_surface = (
    test.assign(abs_err=err.abs())
    .groupby("surface")["abs_err"]
    .agg(["count", "mean"])
)
print(by_surface.round(3))
