# label: leakage/selection
import itertools
import warnings

import numpy as np
import pandas as pd
import statsmodels.api as sm
from statsmodels.tools.sm_exceptions import ConvergenceWarning

warnings.simplefilter("ignore", ConvergenceWarning)

TICKETS_PATH = "data/science_centre_gate_counts.csv"
CALENDAR_PATH = "data/regional_calendar.csv"
TEST_DAYS = 91

# exogenous regressors that are on the calendar well in advance
EXOG = ["school_holiday", "bank_holiday", "new_exhibition_week", "late_opening"]

P_VALUES = [0, 1, 2]
Q_VALUES = [0, 1, 2]
SEASONAL = [(0, 0, 0, 7), (1, 0, 0, 7), (1, 0, 1, 7), (0, 1, 1, 7)]


def load_series():
    gate = pd.read_csv(TICKETS_PATH, parse_dates=["date"])
    daily = gate.groupby("date")["admissions"].sum().asfreq("D")
    cal = pd.read_csv(CALENDAR_PATH, parse_dates=["date"]).set_index("date")
    cal = cal.reindex(daily.index)
    closed = cal["closed"].fillna(0).astype(bool)
    # closed days stay missing; the state-space model skips them
    daily[closed] = np.nan
    y = np.log1p(daily)
    X = cal[EXOG].fillna(0).astype(float)
    return y, X


def fit_sarimax(y, X, order, seasonal_order):
    model = sm.tsa.SARIMAX(
        y, exog=X, order=order, seasonal_order=seasonal_order,
        enforce_stationarity=False, enforce_invertibility=False,
    )
    return model.fit(disp=False, maxiter=200)


def mape(actual, forecast):
    actual = np.expm1(actual)
    forecast = np.expm1(forecast)
    mask = actual > 0
    return float(np.mean(np.abs(actual[mask] - forecast[mask]) / actual[mask]) * 100)


def forecast_block(y_fit, X_fit, X_out, order, seasonal_order):
    res = fit_sarimax(y_fit, X_fit, order, seasonal_order)
    return res.get_forecast(steps=len(X_out), exog=X_out).predicted_mean


def main():
    y, X = load_series()
    y_train, y_test = y.iloc[:-TEST_DAYS], y.iloc[-TEST_DAYS:]
    X_train, X_test = X.iloc[:-TEST_DAYS], X.iloc[-TEST_DAYS:]
    print(f"train {y_train.index.min().date()} -> {y_train.index.max().date()}, "
          f"test {y_test.index.min().date()} -> {y_test.index.max().date()}")

    results = []
    for p, q, s in itertools.product(P_VALUES, Q_VALUES, SEASONAL):
        order = (p, 1, q)
        try:
            fc = forecast_block(y_train, X_train, X_test, order, s)
        except (np.linalg.LinAlgError, ValueError):
            continue
        score = mape(y_test.to_numpy(), fc.to_numpy())
        results.append({"order": order, "seasonal": s, "mape": score})
        print(f"SARIMAX{order}x{s}: MAPE {score:.2f}%")

    table = pd.DataFrame(results).sort_values("mape")
    best = table.iloc[0]
    print("\nbest specification:", best["order"], best["seasonal"])

    final = fit_sarimax(y_train, X_train, best["order"], best["seasonal"])
    fc = final.get_forecast(steps=TEST_DAYS, exog=X_test).predicted_mean
    test_mape = mape(y_test.to_numpy(), fc.to_numpy())
    print(f"test MAPE: {test_mape:.2f}%")

    weekly = pd.DataFrame({
        "actual": np.expm1(y_test),
        "forecast": np.expm1(fc.to_numpy()),
    }, index=y_test.index).resample("W").sum().round(0)
    print(weekly)
    print(final.summary().tables[1])


if __name__ == "__main__":
    main()
