# label: leakage/overlap
# twin: ovl_r17a_ham_radio_qso_log_exports__fixed.py
# source: hand-written for ai-ci, round 17 tuning probes (Apache-2.0)
"""Which logged amateur-radio contacts (QSOs) end up confirmed on LoTW?

The station log is exported to CSV from the logging program every few months; each export
contains the full log at that moment. Apache-2.0 licensed.
"""
import glob
import numpy as np
import pandas as pd
import matplotlib.pyplot as plt
from xgboost import XGBClassifier
from sklearn.model_selection import train_test_split
from sklearn.metrics import roc_auc_score, accuracy_score, classification_report

EXPORT_GLOB = "logs/exports/station_log_*.csv"
SOLAR = "logs/solar_indices_daily.csv"
CAT_COLS = ["band", "mode", "continent", "dxcc_prefix", "contest_flag"]
NUM_COLS = [
    "freq_mhz", "distance_km", "rst_sent_snr", "rst_rcvd_snr", "utc_hour",
    "tx_power_w", "sfi", "k_index", "grey_line", "elevation_deg",
]


def read_exports(pattern):
    frames = []
    for path in sorted(glob.glob(pattern)):
        part = pd.read_csv(path, parse_dates=["qso_utc"])
        part["export_file"] = path
        frames.append(part)
        print(f"{path}: {len(part)} rows")
    return pd.concat(frames, ignore_index=True)


def engineer(log, solar):
    log = log.copy()
    log["qso_date"] = log["qso_utc"].dt.normalize()
    log = log.merge(solar, left_on="qso_date", right_on="date", how="left")
    log["utc_hour"] = log["qso_utc"].dt.hour
    log["rst_sent_snr"] = pd.to_numeric(log["rst_sent"].str.replace("+", "", regex=False), errors="coerce")
    log["rst_rcvd_snr"] = pd.to_numeric(log["rst_rcvd"].str.replace("+", "", regex=False), errors="coerce")
    log["contest_flag"] = log["contest_id"].notna().map({True: "contest", False: "casual"})
    log = log.sort_values("qso_utc")
    for c in CAT_COLS:
        log[c] = log[c].astype("category")
    return log


log = read_exports(EXPORT_GLOB)
solar = pd.read_csv(SOLAR, parse_dates=["date"])
log = log[log["mode"].isin(["FT8", "FT4", "CW", "SSB", "RTTY"])]
data = engineer(log, solar)

X = data[CAT_COLS + NUM_COLS]
y = data["lotw_confirmed"].astype(int)
X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.25, stratify=y, random_state=73)

clf = XGBClassifier(
    n_estimators=500, max_depth=6, learning_rate=0.05, subsample=0.8,
    colsample_bytree=0.8, tree_method="hist", enable_categorical=True, eval_metric="logloss",
)
clf.fit(X_tr, y_tr)
proba = clf.predict_proba(X_te)[:, 1]

print(f"QSOs: {len(data)}  confirmed share {y.mean():.2%}")
print(f"test ROC AUC  {roc_auc_score(y_te, proba):.3f}")
print(f"test accuracy {accuracy_score(y_te, proba > 0.5):.3f}")
print(classification_report(y_te, (proba > 0.5).astype(int), target_names=["open", "confirmed"]))

band_auc = {}
for band, idx in X_te.groupby("band", observed=True).groups.items():
    if y_te.loc[idx].nunique() == 2:
        band_auc[band] = roc_auc_score(y_te.loc[idx], clf.predict_proba(X_te.loc[idx])[:, 1])
pd.Series(band_auc).sort_values().plot.barh(title="ROC AUC by band", figsize=(6, 4))
plt.tight_layout()
plt.savefig("lotw_auc_by_band.png")
