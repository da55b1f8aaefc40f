# label: leakage/none
"""Allotment-style community garden: which plot holders give up their plot within three months?

Monthly panel per plot. Inspections happen roughly every quarter, so the score is missing in most months.
"""
import numpy as np
import pandas as pd
import matplotlib.pyplot as plt
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import roc_auc_score, average_precision_score, RocCurveDisplay

PANEL = "data/garden_plot_monthly.csv"
HOLDERS = "data/plot_holders.csv"
TRAIN_END = "2022-09-30"
TEST_START = "2023-01-01"
NEUTRAL_SCORE = 3.0


def load_panel():
    panel = pd.read_csv(PANEL, parse_dates=["month"])
    holders = pd.read_csv(HOLDERS, parse_dates=["plot_start"])
    df = panel.merge(holders, on="plot_id", how="left")
    df = df.dropna(subset=["gave_up_within_3m"])
    return df.sort_values(["plot_id", "month"]).reset_index(drop=True)


def add_features(df):
    g = df.groupby("plot_id")
    df["inspected_this_month"] = df["inspection_score"].notna().astype(int)
    df["inspection_score"] = g["inspection_score"].ffill().fillna(NEUTRAL_SCORE)
    df["visits_3m"] = g["visits"].transform(lambda s: s.rolling(3, min_periods=1).sum())
    df["hours_3m"] = g["hours_logged"].transform(lambda s: s.rolling(3, min_periods=1).sum())
    df["water_3m"] = g["water_litres"].transform(lambda s: s.rolling(3, min_periods=1).mean())
    df["visits_trend"] = df["visits"] - g["visits"].shift(3).fillna(df["visits"])
    df["tenure_years"] = (df["month"] - df["plot_start"]).dt.days / 365.25
    df["month_of_year"] = df["month"].dt.month
    df["late_rent"] = (df["rent_days_late"] > 14).astype(int)
    return df


FEATURES = [
    "visits", "hours_logged", "visits_3m", "hours_3m", "water_3m", "visits_trend",
    "inspection_score", "inspected_this_month", "warnings_to_date", "late_rent",
    "tenure_years", "plot_size_m2", "distance_km", "month_of_year", "shared_plot",
]

df = add_features(load_panel())
df["gave_up_within_3m"] = df["gave_up_within_3m"].astype(int)
print(df.shape, df["plot_id"].nunique(), "plots", "positive rate %.3f" % df["gave_up_within_3m"].mean())

train = df[df["month"] <= TRAIN_END]
test = df[df["month"] >= TEST_START]

clf = HistGradientBoostingClassifier(
    learning_rate=0.05, max_iter=300, max_leaf_nodes=20, min_samples_leaf=40,
    l2_regularization=0.5, random_state=2,
)
clf.fit(train[FEATURES], train["gave_up_within_3m"])
p = clf.predict_proba(test[FEATURES])[:, 1]

print("AUC %.3f" % roc_auc_score(test["gave_up_within_3m"], p))
print("AP  %.3f" % average_precision_score(test["gave_up_within_3m"], p))

RocCurveDisplay.from_predictions(test["gave_up_within_3m"], p)
plt.title("plot give-up, 2023")
plt.savefig("garden_roc.png", dpi=100)

latest = test.assign(risk=p).sort_values("month").groupby("plot_id").tail(1)
print(latest.nlargest(15, "risk")[["plot_id", "month", "visits_3m", "inspection_score", "risk"]])
