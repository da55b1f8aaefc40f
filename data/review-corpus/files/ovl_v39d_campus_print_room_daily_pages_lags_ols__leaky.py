# label: leakage/overlap
"""Daily page volume at the campus print room.

Used to plan staff rotas and paper/toner orders for the next day. Log pages
are modelled with an OLS on calendar effects plus recent volume.
"""
import numpy as np
import pandas as pd
import statsmodels.formula.api as smf
from sklearn.model_selection import train_test_split


def load_daily(jobs_path, calendar_path):
    jobs = pd.read_csv(jobs_path, parse_dates=["submitted_at"])
    daily = (
        jobs.assign(date=jobs["submitted_at"].dt.normalize())
        .groupby("date")
        .agg(pages=("pages", "sum"))
        .asfreq("D")
    )
    daily["pages"] = daily["pages"].fillna(0)

    cal = pd.read_csv(calendar_path, parse_dates=["date"]).set_index("date")
    daily = daily.join(cal[["term_phase", "exam_period", "coursework_deadlines", "is_closed"]])
    return daily[daily["is_closed"] == 0]


def add_features(daily):
    df = daily.copy()
    df["log_pages"] = np.log1p(df["pages"])
    df["dow"] = df.index.dayofweek
    df["lag_1"] = df["log_pages"].shift(1)
    df["lag_7"] = df["log_pages"].shift(7)
    df["roll_7"] = df["log_pages"].shift(1).rolling(7).mean()
    df["month"] = df.index.month
    return df.dropna(subset=["lag_1", "lag_7", "roll_7"])


FORMULA = (
    "log_pages ~ C(dow) + C(term_phase) + exam_period + coursework_deadlines + C(month)"
    " + lag_1 + lag_7 + roll_7"
)


def main():
    daily = load_daily("print_room/job_log_2019_2024.csv", "print_room/academic_calendar.csv")
    frame = add_features(daily)
    print(f"{len(frame)} open days from {frame.index.min():%Y-%m-%d} to {frame.index.max():%Y-%m-%d}")

    train, test = train_test_split(frame, test_size=0.2, random_state=0)

    ols = smf.ols(FORMULA, data=train).fit(cov_type="HAC", cov_kwds={"maxlags": 7})
    print(ols.summary().tables[1])

    pred_pages = np.expm1(ols.predict(test))
    err = pred_pages - test["pages"]
    mae = err.abs().mean()
    mape = (err.abs() / test["pages"].clip(lower=50)).mean()
    print(f"test MAE: {mae:,.0f} pages/day")
    print(f"test MAPE: {mape:.1%}")

    by_phase = (
        test.assign(abs_err=err.abs())
        .groupby("term_phase")["abs_err"].mean()
        .round(0)
    )
    print(by_phase.to_string())

    naive = np.expm1(test["lag_7"])
    print(f"same-weekday naive MAE: {(naive - test['pages']).abs().mean():,.0f}")


if __name__ == "__main__":
    main()
