# label: leakage/target
import numpy as np
import pandas as pd
import matplotlib.pyplot as plt
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import roc_auc_score, average_precision_score, precision_recall_curve

LOG_FILE = "data/arcade_pinball_daily_logs.csv"
HORIZON = 7
SPLIT_DATE = "2024-03-01"
ERROR_COLS = ["ball_search_events", "coin_jams", "tilt_warnings", "flipper_coil_faults", "switch_errors"]

rf_params = {
    "n_estimators": 600,
    "min_samples_leaf": 10,
    "max_features": "sqrt",
    "class_weight": "balanced_subsample",
    "n_jobs": -1,
    "random_state": 13,
}


def next_window_max(s, days):
    shifted = pd.concat([s.shift(-k) for k in range(1, days + 1)], axis=1)
    out = shifted.max(axis=1)
    out[s.shift(-days).isna()] = np.nan
    return out


def build_table(logs):
    logs = logs.sort_values(["machine_id", "date"]).copy()
    g = logs.groupby("machine_id")
    logs["target"] = g["breakdown"].transform(lambda s: next_window_max(s, HORIZON))
    for col in ERROR_COLS:
        logs[f"{col}_7d"] = g[col].transform(lambda s: s.rolling(7, center=True, min_periods=1).mean())
        logs[f"{col}_28d"] = g[col].transform(lambda s: s.rolling(28, min_periods=7).mean())
    logs["plays_7d"] = g["plays"].transform(lambda s: s.rolling(7, min_periods=1).sum())
    logs["days_since_service"] = g["serviced"].transform(
        lambda s: s.groupby(s.cumsum()).cumcount()
    )
    logs["machine_age_years"] = (logs["date"] - logs["install_date"]).dt.days / 365.25
    return logs.dropna(subset=["target"])


logs = pd.read_csv(LOG_FILE, parse_dates=["date", "install_date"])
table = build_table(logs)

features = (
    [f"{c}_7d" for c in ERROR_COLS]
    + [f"{c}_28d" for c in ERROR_COLS]
    + ["plays_7d", "days_since_service", "machine_age_years", "is_widebody", "location_humidity"]
)
table = table.dropna(subset=features)

train = table[table["date"] < pd.Timestamp(SPLIT_DATE) - pd.Timedelta(days=HORIZON)]
test = table[table["date"] >= SPLIT_DATE]
print(f"train {len(train)} machine-days, test {len(test)}; positive rate {train['target'].mean():.3f}")

clf = RandomForestClassifier(**rf_params)
clf.fit(train[features], train["target"])
score = clf.predict_proba(test[features])[:, 1]

print(f"test ROC AUC {roc_auc_score(test['target'], score):.3f}")
print(f"test AP      {average_precision_score(test['target'], score):.3f}")

prec, rec, _ = precision_recall_curve(test["target"], score)
plt.plot(rec, prec)
plt.xlabel("recall")
plt.ylabel("precision")
plt.title(f"breakdown within {HORIZON} days")
plt.savefig("pinball_pr.png", dpi=110)

imp = pd.Series(clf.feature_importances_, index=features).sort_values(ascending=False)
print(imp.round(3).to_string())

daily_flags = test.assign(score=score).groupby("date")["score"].apply(lambda s: (s > 0.5).sum())
print("avg machines flagged per day:", round(daily_flags.mean(), 1))
