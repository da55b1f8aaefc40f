# label: leakage/preprocessing
"""Forecast hourly ticket sales for a cathedral tower climb from seasonal harmonics."""
import numpy as np
import pandas as pd
import statsmodels.api as sm

N_PERIODS = 6
TEST_HOURS = 24 * 7 * 6
WX_COLS = ["rain_mm_fc", "temp_c_fc", "wind_kmh_fc"]

scans = pd.read_csv("tower_ticket_scans.csv", parse_dates=["scanned_at"])
hourly = scans.set_index("scanned_at").resample("h")["tickets"].sum().to_frame()
weather = pd.read_csv("weather_dayahead_forecast.csv", parse_dates=["valid_hour"]).set_index("valid_hour")
closures = pd.read_csv("tower_planned_closures.csv", parse_dates=["hour"])   # services, bell maintenance

hourly = hourly.join(weather[WX_COLS], how="left")
hourly[WX_COLS] = hourly[WX_COLS].ffill(limit=3)
hourly["closed"] = hourly.index.isin(closures["hour"]).astype(int)
hourly = hourly.dropna()
hours = ((hourly.index - hourly.index[0]) / pd.Timedelta(hours=1)).to_numpy()
y = hourly["tickets"].to_numpy(dtype=float)
split = len(hourly) - TEST_HOURS


def top_periods(series, k):
    """Periods (in hours) of the k strongest peaks in the periodogram."""
    centred = series - series.mean()
    power = np.abs(np.fft.rfft(centred)) ** 2
    freqs = np.fft.rfftfreq(len(centred), d=1.0)
    order = np.argsort(power[1:])[::-1][:k] + 1
    return 1.0 / freqs[order]


def harmonic_design(t, periods):
    cols = {}
    for p in periods:
        cols[f"sin_{p:.1f}h"] = np.sin(2 * np.pi * t / p)
        cols[f"cos_{p:.1f}h"] = np.cos(2 * np.pi * t / p)
    return pd.DataFrame(cols)


periods = top_periods(y, N_PERIODS)
print("dominant periods (hours):", np.round(periods, 1))

X = harmonic_design(hours, periods)
X["trend_years"] = hours / (24 * 365.25)
for c in WX_COLS + ["closed"]:
    X[c] = hourly[c].to_numpy()
X = sm.add_constant(X)

X_train, X_test = X.iloc[:split], X.iloc[split:]
y_train, y_test = y[:split], y[split:]

glm = sm.GLM(y_train, X_train, family=sm.families.Poisson()).fit()
print(glm.summary().tables[1])

pred = np.asarray(glm.predict(X_test))
pred[X_test["closed"].to_numpy() == 1] = 0.0
mae = np.mean(np.abs(y_test - pred))
daily = pd.DataFrame({"actual": y_test, "pred": pred}, index=hourly.index[split:]).resample("D").sum()
daily = daily[daily["actual"] > 0]
mape = np.mean(np.abs(daily["actual"] - daily["pred"]) / daily["actual"])
print(f"hourly MAE over the last six weeks: {mae:.2f} tickets")
print(f"daily MAPE over the last six weeks: {mape:.3f}")
