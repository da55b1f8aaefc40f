# label: leakage/none
"""Seepage model for the left abutment V-notch weir (embankment dam, zone B).

Daily weir flow is explained with reservoir level, piezometer heads and lagged
rainfall. Several candidate formulations are compared; the chosen one feeds the
surveillance report's expected-vs-observed chart.
"""
import numpy as np
import pandas as pd
import statsmodels.formula.api as smf

DATA_DIR = "data/surveillance"
TRAIN_END = "2021-12-31"
FIT_END = "2020-12-31"

CANDIDATES = {
    "level_only": "log_seepage ~ res_level + I(res_level ** 2)",
    "level_rain": "log_seepage ~ res_level + I(res_level ** 2) + rain_l1 + rain_l2 + rain_sum_7",
    "level_piezo": "log_seepage ~ res_level + I(res_level ** 2) + pz3_head + pz5_head",
    "full": ("log_seepage ~ res_level + I(res_level ** 2) + pz3_head + pz5_head"
             " + rain_l1 + rain_l2 + rain_sum_7 + np.sin(doy_rad) + np.cos(doy_rad)"),
    "full_trend": ("log_seepage ~ res_level + I(res_level ** 2) + pz3_head + pz5_head"
                   " + rain_l1 + rain_l2 + rain_sum_7 + np.sin(doy_rad) + np.cos(doy_rad) + years"),
}


def load_daily():
    weir = pd.read_csv(f"{DATA_DIR}/weir_v3_daily.csv", parse_dates=["date"])
    level = pd.read_csv(f"{DATA_DIR}/reservoir_level_daily.csv", parse_dates=["date"])
    piezo = pd.read_csv(f"{DATA_DIR}/piezometers_daily.csv", parse_dates=["date"])
    rain = pd.read_csv(f"{DATA_DIR}/raingauge_daily.csv", parse_dates=["date"])
    piezo = piezo.pivot_table(index="date", columns="instrument", values="head_m").reset_index()
    piezo = piezo.rename(columns={"PZ3": "pz3_head", "PZ5": "pz5_head"})
    df = weir.merge(level, on="date").merge(piezo[["date", "pz3_head", "pz5_head"]], on="date")
    df = df.merge(rain, on="date", how="left").sort_values("date").reset_index(drop=True)
    return df


def add_terms(df):
    df = df.copy()
    df["rain_mm"] = df["rain_mm"].fillna(0.0)
    df["rain_l1"] = df["rain_mm"].shift(1)
    df["rain_l2"] = df["rain_mm"].shift(2)
    df["rain_sum_7"] = df["rain_mm"].shift(1).rolling(7).sum()
    df["doy_rad"] = 2 * np.pi * df["date"].dt.dayofyear / 365.25
    df["years"] = (df["date"] - df["date"].min()).dt.days / 365.25
    df["log_seepage"] = np.log(df["seepage_lpm"].clip(lower=0.05))
    return df.dropna()


def rmse_lpm(fit, frame):
    pred = np.exp(fit.predict(frame))
    return float(np.sqrt(np.mean((frame["seepage_lpm"] - pred) ** 2)))


daily = add_terms(load_daily())
train = daily[daily["date"] <= TRAIN_END]
test = daily[daily["date"] > TRAIN_END]
print(f"train {train['date'].min():%Y-%m-%d}..{train['date'].max():%Y-%m-%d} ({len(train)} days)")
print(f"test  {test['date'].min():%Y-%m-%d}..{test['date'].max():%Y-%m-%d} ({len(test)} days)")

fit_part = train[train["date"] <= FIT_END]
val_part = train[train["date"] > FIT_END]

rows = []
for name, formula in CANDIDATES.items():
    fit = smf.ols(formula, data=fit_part).fit(cov_type="HAC", cov_kwds={"maxlags": 7})
    rows.append({"model": name, "aic": fit.aic, "rmse": rmse_lpm(fit, val_part)})
summary = pd.DataFrame(rows).set_index("model").sort_values("rmse")
print(summary.round(3))

chosen = summary.index[0]
final = smf.ols(CANDIDATES[chosen], data=train).fit(cov_type="HAC", cov_kwds={"maxlags": 7})
print(final.summary().tables[1])
print(f"{chosen}: test RMSE {rmse_lpm(final, test):.3f} L/min")

out = test[["date", "seepage_lpm"]].copy()
out["expected_lpm"] = np.exp(final.predict(test))
out.to_csv("weir_v3_expected_vs_observed.csv", index=False)
