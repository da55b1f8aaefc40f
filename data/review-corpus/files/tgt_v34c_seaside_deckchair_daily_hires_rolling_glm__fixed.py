# label: leakage/none
"""Next-day deckchair and windbreak hires per beach pitch for the seafront concession.

The model is run each evening with the Met Office forecast for the next day to
decide how many stacks to put out and how many attendants to roster.
"""
import numpy as np
import pandas as pd
import statsmodels.api as sm
import statsmodels.formula.api as smf

HIRES_PATH = "concession/daily_hires_by_pitch.csv"
FORECAST_PATH = "weather/evening_forecasts.csv"
HOLIDAYS_PATH = "calendar/school_holidays.csv"
TEST_SEASON = 2024

FORMULA = (
    "hires ~ fc_max_temp_c + fc_sunshine_h + fc_wind_mph + fc_rain_prob"
    " + weekend + school_holiday + bank_holiday + np.log1p(hires_7d_mean)"
    " + C(pitch) + C(month)"
)


def load():
    hires = pd.read_csv(HIRES_PATH, parse_dates=["date"])
    fc = pd.read_csv(FORECAST_PATH, parse_dates=["valid_date"])
    hols = pd.read_csv(HOLIDAYS_PATH, parse_dates=["date"])

    df = hires.merge(fc.rename(columns={"valid_date": "date"}), on="date", how="left")
    df = df.merge(hols[["date", "school_holiday", "bank_holiday"]], on="date", how="left")
    df[["school_holiday", "bank_holiday"]] = df[["school_holiday", "bank_holiday"]].fillna(0)
    df["weekend"] = (df["date"].dt.dayofweek >= 5).astype(int)
    df["month"] = df["date"].dt.month
    df["season"] = df["date"].dt.year
    # concession runs Easter to end of September
    df = df[df["open"] == 1]
    return df.sort_values(["pitch", "date"]).reset_index(drop=True)


def add_history(df):
    by_pitch = df.groupby("pitch")["hires"]
    df["hires_7d_mean"] = by_pitch.transform(lambda s: s.shift(1).rolling(7, min_periods=3).mean())
    return df.dropna(subset=["hires_7d_mean", "fc_max_temp_c"])


def main():
    df = add_history(load())
    train = df[df["season"] < TEST_SEASON]
    test = df[df["season"] == TEST_SEASON]
    print(f"train days {train['date'].nunique()}, test days {test['date'].nunique()}, "
          f"pitches {df['pitch'].nunique()}")

    poisson = smf.glm(FORMULA, data=train, family=sm.families.Poisson()).fit()
    dispersion = poisson.pearson_chi2 / poisson.df_resid
    print(f"Poisson dispersion: {dispersion:.2f}")

    alpha = max((dispersion - 1) / train["hires"].mean(), 1e-3)
    model = smf.glm(
        FORMULA, data=train, family=sm.families.NegativeBinomial(alpha=alpha)
    ).fit()
    print(model.summary().tables[1])

    pred = model.predict(test)
    mae = np.mean(np.abs(test["hires"] - pred))
    wape = np.abs(test["hires"] - pred).sum() / test["hires"].sum()
    print(f"{TEST_SEASON} MAE per pitch-day: {mae:.1f} chairs  WAPE: {wape:.1%}")

    daily = test.assign(pred=pred).groupby("date")[["hires", "pred"]].sum()
    short_days = (daily["pred"] < 0.8 * daily["hires"]).mean()
    print(f"Days where the stack plan would have been >20% short: {short_days:.1%}")


if __name__ == "__main__":
    main()
