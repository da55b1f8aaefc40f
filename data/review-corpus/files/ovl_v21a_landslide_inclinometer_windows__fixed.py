# label: leakage/none
"""Slope monitoring: flag 30-day windows after which the slope accelerates within a week.

Input: daily readings from the in-place inclinometer string, piezometers and the rain gauge.
"""
import numpy as np
import pandas as pd
from sklearn.ensemble import ExtraTreesClassifier
from sklearn.metrics import roc_auc_score, average_precision_score, confusion_matrix

CFG = {
    "csv": "data/slope_daily.csv",
    "window": 30,
    "horizon": 7,
    "accel_mm": 4.0,
    "channels": ["disp_mm_ipi3", "disp_mm_ipi5", "piezo_kpa_p1", "piezo_kpa_p2",
                 "rain_mm", "soil_temp_c"],
}


def read_series(path):
    daily = pd.read_csv(path, parse_dates=["date"]).set_index("date").sort_index()
    daily = daily.asfreq("D")
    daily[CFG["channels"]] = daily[CFG["channels"]].ffill(limit=3)
    return daily.dropna(subset=CFG["channels"])


def window_stats(block):
    feats = {}
    for j, ch in enumerate(CFG["channels"]):
        col = block[:, j]
        feats[f"{ch}_last"] = col[-1]
        feats[f"{ch}_mean"] = col.mean()
        feats[f"{ch}_slope"] = np.polyfit(np.arange(len(col)), col, 1)[0]
        feats[f"{ch}_d7"] = col[-1] - col[-8]
    feats["rain_sum_30"] = block[:, CFG["channels"].index("rain_mm")].sum()
    return feats


def make_windows(daily):
    vals = daily[CFG["channels"]].to_numpy()
    disp = daily["disp_mm_ipi3"].to_numpy()
    w, h = CFG["window"], CFG["horizon"]
    rows, labels, ends = [], [], []
    for end in range(w, len(daily) - h + 1):
        block = vals[end - w:end]
        ahead = disp[end + h - 1] - disp[end - 1]
        rows.append(window_stats(block))
        labels.append(int(ahead >= CFG["accel_mm"]))
        ends.append(daily.index[end - 1])
    return pd.DataFrame(rows, index=pd.DatetimeIndex(ends, name="window_end")), np.array(labels)


daily = read_series(CFG["csv"])
X, y = make_windows(daily)
print(X.shape, "windows; acceleration rate", y.mean().round(3))

cut = X.index[int(len(X) * 0.75)]
gap = pd.Timedelta(days=CFG["window"] + CFG["horizon"])
is_train = X.index < cut - gap
is_test = X.index >= cut
X_train, y_train = X[is_train], y[is_train]
X_test, y_test = X[is_test], y[is_test]
print("train until", X_train.index.max().date(), "| test from", X_test.index.min().date())

clf = ExtraTreesClassifier(n_estimators=500, min_samples_leaf=3,
                           class_weight="balanced", n_jobs=-1, random_state=8)
clf.fit(X_train, y_train)

score = clf.predict_proba(X_test)[:, 1]
print("ROC AUC:", round(roc_auc_score(y_test, score), 3))
print("PR AUC :", round(average_precision_score(y_test, score), 3))
print(confusion_matrix(y_test, (score >= 0.5).astype(int)))

top = pd.Series(clf.feature_importances_, index=X.columns).nlargest(8)
print(top.round(4))
