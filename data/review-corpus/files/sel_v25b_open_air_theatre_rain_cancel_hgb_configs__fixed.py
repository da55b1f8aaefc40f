# label: leakage/none
"""Forecast whether an open-air theatre performance is cancelled for weather, from the morning forecast."""
import pandas as pd
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import average_precision_score, brier_score_loss

shows = pd.read_csv("open_air_performances.csv", parse_dates=["show_date"])
fc = pd.read_csv("morning_forecasts.csv", parse_dates=["issue_date"])

# forecast issued the morning of the show
fc = fc.rename(columns={"issue_date": "show_date"})
df = shows.merge(fc, on=["venue_id", "show_date"], how="left")
df = df.dropna(subset=["precip_prob", "wind_gust_kmh"])

df["month"] = df["show_date"].dt.month
df["weekday"] = df["show_date"].dt.weekday
df["matinee"] = (df["curtain_hour"] < 17).astype(int)
df["has_canopy"] = df["stage_cover"].fillna("none").ne("none").astype(int)
df["rain_x_nocover"] = df["precip_prob"] * (1 - df["has_canopy"])

FEATURES = ["precip_prob", "precip_mm", "wind_gust_kmh", "temp_c", "cloud_pct",
            "lightning_risk", "month", "weekday", "matinee", "has_canopy",
            "rain_x_nocover", "presale_pct_7d"]
TARGET = "cancelled"

df = df.sort_values("show_date")
train = df[df["show_date"] < "2023-01-01"]
test = df[df["show_date"] >= "2023-01-01"]
fit_part = train[train["show_date"] < "2022-01-01"]
val_part = train[train["show_date"] >= "2022-01-01"]

CONFIGS = {
    "shallow": dict(max_depth=3, learning_rate=0.1, max_iter=200),
    "default": dict(max_depth=None, learning_rate=0.1, max_iter=200),
    "slow_deep": dict(max_depth=8, learning_rate=0.03, max_iter=600),
    "leafy": dict(max_leaf_nodes=63, learning_rate=0.05, min_samples_leaf=40, max_iter=400),
    "monotone": dict(max_depth=4, learning_rate=0.05, max_iter=400,
                     monotonic_cst=[1, 1, 1, 0, 0, 1, 0, 0, 0, -1, 1, 0]),
}


def fit_and_score(params, fit_rows, eval_rows):
    clf = HistGradientBoostingClassifier(random_state=0, **params)
    clf.fit(fit_rows[FEATURES], fit_rows[TARGET])
    p = clf.predict_proba(eval_rows[FEATURES])[:, 1]
    return clf, average_precision_score(eval_rows[TARGET], p), brier_score_loss(eval_rows[TARGET], p)


results = []
for name, params in CONFIGS.items():
    _, ap, brier = fit_and_score(params, fit_part, val_part)
    results.append({"config": name, "ap": ap, "brier": brier})
    print(f"{name:10s} AP={ap:.3f} Brier={brier:.4f}")

table = pd.DataFrame(results).sort_values("ap", ascending=False)
best_name = table.iloc[0]["config"]
print(f"\nselected: {best_name}")

clf, ap, brier = fit_and_score(CONFIGS[best_name], train, test)
print(f"2023 season  AP={ap:.3f}  Brier={brier:.4f}  (n={len(test)}, cancel rate={test[TARGET].mean():.2%})")
