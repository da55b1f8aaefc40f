# label: leakage/selection
"""Nightly song plays on pub jukeboxes, modelled with a Poisson GLM.

Used by the route team to decide how often each machine's cash box and
catalogue licence need attention.
"""
import numpy as np
import pandas as pd
import statsmodels.api as sm
import statsmodels.formula.api as smf
from sklearn.metrics import mean_absolute_error, mean_poisson_deviance

TEST_START = "2024-03-01"

CANDIDATES = {
    "base": "plays ~ C(dow) + np.log(capacity) + price_per_play",
    "weather": "plays ~ C(dow) + np.log(capacity) + price_per_play"
               " + temp_c + rain_mm",
    "events": "plays ~ C(dow) + np.log(capacity) + price_per_play"
              " + temp_c + rain_mm + live_sport + quiz_night + school_holiday",
    "events_x_dow": "plays ~ C(dow) * live_sport + np.log(capacity)"
                    " + price_per_play + temp_c + rain_mm + quiz_night"
                    " + school_holiday",
    "full": "plays ~ C(dow) * live_sport + np.log(capacity) + price_per_play"
            " + temp_c + rain_mm + quiz_night + school_holiday + C(region)"
            " + catalogue_size + touchscreen",
}


def load_nights(path):
    df = pd.read_csv(path, parse_dates=["night"])
    df = df[df["machine_online"] == 1].copy()
    df["dow"] = df["night"].dt.dayofweek
    df["rain_mm"] = df["rain_mm"].fillna(0.0)
    return df.dropna(subset=["temp_c", "capacity", "price_per_play"])


def fit_glm(formula, data):
    return smf.glm(formula, data=data, family=sm.families.Poisson()).fit()


def main():
    nights = load_nights("jukebox_nightly_plays.csv")
    train = nights[nights["night"] < TEST_START]
    test = nights[nights["night"] >= TEST_START]
    print(f"train nights: {len(train)}, test nights: {len(test)}")

    scores = {}
    for name, formula in CANDIDATES.items():
        model = fit_glm(formula, train)
        pred = model.predict(test)
        scores[name] = mean_poisson_deviance(test["plays"], pred)
        print(f"{name:>14}: deviance {scores[name]:.3f}  AIC {model.aic:.0f}")

    best = min(scores, key=scores.get)
    final = fit_glm(CANDIDATES[best], train)
    test_pred = final.predict(test)

    print(f"\nchosen terms: {best}")
    print(f"test mean Poisson deviance: {mean_poisson_deviance(test['plays'], test_pred):.3f}")
    print(f"test MAE (plays per night): {mean_absolute_error(test['plays'], test_pred):.2f}")
    print(final.summary().tables[1])


if __name__ == "__main__":
    main()
