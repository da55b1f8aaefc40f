# label: leakage/none
"""Vertical accretion rates at salt-marsh coring sites.

Compares a handful of OLS specifications for accretion (mm/yr) using site
elevation, creek proximity, suspended sediment and vegetation cover, and
reports the chosen specification.
"""
import numpy as np
import pandas as pd
import statsmodels.formula.api as smf
from sklearn.model_selection import train_test_split

DATA_PATH = "data/marsh_cores_2015_2023.csv"
TARGET = "accretion_mm_yr"

CANDIDATE_FORMULAS = {
    "base": f"{TARGET} ~ elevation_m + distance_to_creek_m",
    "tidal": f"{TARGET} ~ elevation_m + distance_to_creek_m + tidal_range_m",
    "sediment": f"{TARGET} ~ elevation_m + np.log1p(distance_to_creek_m) + ssc_mg_l",
    "full": (
        f"{TARGET} ~ elevation_m + np.log1p(distance_to_creek_m) + ssc_mg_l"
        " + tidal_range_m + veg_cover_pct + C(marsh_zone)"
    ),
    "interaction": (
        f"{TARGET} ~ elevation_m * ssc_mg_l + np.log1p(distance_to_creek_m)"
        " + veg_cover_pct + C(marsh_zone)"
    ),
}


def load_cores(path):
    df = pd.read_csv(path)
    df = df.dropna(subset=[TARGET, "elevation_m", "ssc_mg_l", "tidal_range_m"])
    # bare mudflat cores have no vegetation survey
    df["veg_cover_pct"] = df["veg_cover_pct"].fillna(0.0)
    df = df[df["distance_to_creek_m"] >= 0]
    # Cs-137 dated cores only; Pb-210 profiles are processed separately
    df = df[df["dating_method"] == "cs137"]
    df["marsh_zone"] = df["marsh_zone"].str.lower().str.strip()
    return df.reset_index(drop=True)


def rmse(y_true, y_pred):
    resid = np.asarray(y_true) - np.asarray(y_pred)
    return float(np.sqrt(np.mean(resid ** 2)))


def main():
    cores = load_cores(DATA_PATH)
    print(f"{len(cores)} cores, zones: {sorted(cores['marsh_zone'].unique())}")
    print(cores[[TARGET, "elevation_m", "ssc_mg_l", "veg_cover_pct"]].describe().round(2))

    train, test = train_test_split(
        cores, test_size=0.25, random_state=11, stratify=cores["marsh_zone"]
    )

    fit_part, val_part = train_test_split(
        train, test_size=0.25, random_state=11, stratify=train["marsh_zone"]
    )

    scores = {}
    for name, formula in CANDIDATE_FORMULAS.items():
        fit = smf.ols(formula, data=fit_part).fit()
        scores[name] = rmse(val_part[TARGET], fit.predict(val_part))
        print(
            f"{name:12s} adj.R2={fit.rsquared_adj:.3f}  AIC={fit.aic:8.1f}  "
            f"RMSE={scores[name]:.3f}"
        )

    best = min(scores, key=scores.get)
    final = smf.ols(CANDIDATE_FORMULAS[best], data=train).fit(cov_type="HC3")
    print(final.summary())

    test_rmse = rmse(test[TARGET], final.predict(test))
    baseline = rmse(test[TARGET], np.full(len(test), train[TARGET].mean()))
    print(f"Specification: {best}")
    print(f"Test RMSE: {test_rmse:.3f} mm/yr (mean-only baseline {baseline:.3f})")


if __name__ == "__main__":
    main()
