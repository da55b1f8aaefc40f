# label: leakage/selection
# twin: sel_v16_glacier_predictor_subset__fixed.py
# source: hand-written for ai-ci held-out v16 (Apache-2.0)
import itertools

import numpy as np
import pandas as pd
import statsmodels.api as sm

DATA = "data/glacier_mass_balance.csv"
TARGET = "annual_balance_mwe"
CANDIDATES = ["summer_temp_anom", "winter_precip_anom", "debris_cover_frac", "mean_slope_deg",
              "aspect_north", "elevation_range_m", "albedo_jul"]
TEST_FROM = 2012


def fit_ols(frame, cols):
    X = sm.add_constant(frame[cols], has_constant="add")
    return sm.OLS(frame[TARGET], X).fit()


def rmse(model, frame, cols):
    X = sm.add_constant(frame[cols], has_constant="add")
    resid = frame[TARGET] - model.predict(X)
    return float(np.sqrt(np.mean(resid ** 2)))


def search_subsets(fit_on, score_on, max_size=4):
    results = []
    for k in range(1, max_size + 1):
        for cols in itertools.combinations(CANDIDATES, k):
            model = fit_ols(fit_on, list(cols))
            results.append((rmse(model, score_on, list(cols)), cols))
    results.sort()
    return results


def main():
    df = pd.read_csv(DATA).dropna(subset=CANDIDATES + [TARGET])
    df = df.sort_values(["year", "glacier_id"])
    train = df[df["year"] < TEST_FROM]
    test = df[df["year"] >= TEST_FROM]
    print(f"{train['glacier_id'].nunique()} glaciers, {len(train)} train / {len(test)} test years")

    ranked = search_subsets(train, test)
    for score, cols in ranked[:5]:
        print(f"{score:.3f}  {', '.join(cols)}")
    best_cols = list(ranked[0][1])
    print("selected predictors:", best_cols)

    final = fit_ols(train, best_cols)
    print(final.summary().tables[1])
    print(f"test RMSE (m w.e.): {rmse(final, test, best_cols):.3f}")


if __name__ == "__main__":
    main()
