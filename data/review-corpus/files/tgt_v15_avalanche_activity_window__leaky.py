# label: leakage/target
# twin: tgt_v15_avalanche_activity_window__fixed.py
# source: hand-written for ai-ci held-out v15 (Apache-2.0)
"""Daily natural-avalanche occurrence for a forecast region: logistic GLM with statsmodels."""
import numpy as np
import pandas as pd
import statsmodels.formula.api as smf
from sklearn.metrics import brier_score_loss, roc_auc_score

OBS = "data/avalanche/region_daily_obs.csv"
TRAIN_END = pd.Timestamp("2021-06-30")
FORMULA = (
    "natural_avalanche ~ new_snow_72h + wind_load_48h + temp_rise_24h"
    " + snow_depth_cm + rain_on_snow + recent_activity"
)


def build(df):
    df = df.sort_values("date").set_index("date")
    df["new_snow_72h"] = df["new_snow_cm"].rolling(3, min_periods=1).sum()
    df["wind_load_48h"] = (df["wind_speed_ms"] * df["new_snow_cm"]).rolling(2, min_periods=1).sum()
    df["temp_rise_24h"] = df["air_temp_max_c"].diff()
    df["rain_on_snow"] = ((df["precip_mm"] > 2) & (df["air_temp_max_c"] > 1)).astype(int)
    # share of the last three days with observed natural avalanches
    df["recent_activity"] = df["natural_avalanche"].rolling(3, min_periods=1).mean()
    return df.dropna(subset=["temp_rise_24h", "recent_activity"])


def winter_only(df):
    return df[df.index.month.isin([11, 12, 1, 2, 3, 4, 5])]


def main():
    obs = pd.read_csv(OBS, parse_dates=["date"])
    data = winter_only(build(obs))
    train, test = data[data.index <= TRAIN_END], data[data.index > TRAIN_END]
    print(f"train days {len(train)} (rate {train['natural_avalanche'].mean():.2%}), "
          f"test days {len(test)} (rate {test['natural_avalanche'].mean():.2%})")

    fit = smf.logit(FORMULA, data=train).fit(disp=False)
    print(fit.summary2().tables[1][["Coef.", "Std.Err.", "P>|z|"]].round(3))

    p = fit.predict(test)
    print(f"test ROC AUC {roc_auc_score(test['natural_avalanche'], p):.3f}")
    print(f"test Brier   {brier_score_loss(test['natural_avalanche'], p):.4f}")

    odds = np.exp(fit.params.drop("Intercept"))
    print("odds ratios:\n" + odds.round(2).to_string())
    test.assign(p_avalanche=p)[["natural_avalanche", "p_avalanche"]].to_csv(
        "outputs/avalanche_test_predictions.csv"
    )


if __name__ == "__main__":
    main()
