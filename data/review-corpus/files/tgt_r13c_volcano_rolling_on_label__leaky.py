# label: leakage/target
# twin: tgt_r13c_volcano_rolling_on_label__fixed.py
# source: hand-written for ai-ci, tuning part of round 13 (Apache-2.0)
import pandas as pd
from sklearn.ensemble import GradientBoostingClassifier
from sklearn.metrics import average_precision_score, classification_report

# daily monitoring: volcano, date, quake_count, tremor_rms, so2_flux, tilt_change, erupted
daily = pd.read_csv("volcano_daily.csv", parse_dates=["date"])
daily = daily.sort_values(["volcano", "date"]).reset_index(drop=True)
g = daily.groupby("volcano")

# target: does an eruption start tomorrow?
daily["erupt_tomorrow"] = g["erupted"].shift(-1)

# recent activity
daily["quakes_3d"] = g["quake_count"].transform(lambda s: s.rolling(3, min_periods=1).sum())
daily["tremor_change"] = g["tremor_rms"].diff()
daily["so2_7d_max"] = g["so2_flux"].transform(lambda s: s.rolling(7, min_periods=1).max())
daily["recent_eruptions"] = daily.groupby("volcano")["erupt_tomorrow"].transform(
    lambda s: s.rolling(7, min_periods=1).sum()
)
daily = daily.dropna(subset=["erupt_tomorrow", "tremor_change"])

features = ["quake_count", "quakes_3d", "tremor_rms", "tremor_change",
            "so2_flux", "so2_7d_max", "tilt_change", "recent_eruptions"]
train = daily[daily["date"] < "2021-01-01"]
test = daily[daily["date"] >= "2021-01-01"]

clf = GradientBoostingClassifier(n_estimators=300, max_depth=3, random_state=0)
clf.fit(train[features], train["erupt_tomorrow"])

proba = clf.predict_proba(test[features])[:, 1]
print("test average precision: %.3f" % average_precision_score(test["erupt_tomorrow"], proba))
print(classification_report(test["erupt_tomorrow"], (proba > 0.5).astype(int),
                            target_names=["quiet", "eruption"]))
