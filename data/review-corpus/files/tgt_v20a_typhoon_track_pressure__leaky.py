# label: leakage/target
"""Western Pacific typhoons: from the advisory issued 48 h before landfall, estimate whether
the storm comes ashore at severe strength (>= 96 kt one-minute sustained wind)."""
import numpy as np
import pandas as pd
from sklearn.ensemble import GradientBoostingClassifier
from sklearn.metrics import brier_score_loss, roc_auc_score
from sklearn.model_selection import TimeSeriesSplit, cross_val_score

ADVISORIES = "data/wp_best_track_6h.csv"
LANDFALLS = "data/wp_landfalls.csv"
LEAD_HOURS = 48
SEVERE_KT = 96
TEST_FROM_SEASON = 2016


def load():
    adv = pd.read_csv(ADVISORIES, parse_dates=["obs_time"])
    lf = pd.read_csv(LANDFALLS, parse_dates=["landfall_time"])
    lf = lf.sort_values("landfall_time").drop_duplicates("storm_id", keep="first")
    adv = adv.merge(lf[["storm_id", "landfall_time", "landfall_wind_kt"]], on="storm_id", how="inner")
    adv["hours_to_landfall"] = (adv["landfall_time"] - adv["obs_time"]).dt.total_seconds() / 3600
    return adv.sort_values(["storm_id", "obs_time"])


def storm_snapshot(adv):
    hist = adv[adv["hours_to_landfall"] >= LEAD_HOURS].copy()
    hist["wind_change_24h"] = hist.groupby("storm_id")["wind_kt"].diff(4)
    last = hist.groupby("storm_id").tail(1).set_index("storm_id")
    g = hist.groupby("storm_id")
    snap = pd.DataFrame({
        "season": last["obs_time"].dt.year,
        "month": last["obs_time"].dt.month,
        "lat": last["lat"],
        "lon": last["lon"],
        "wind_kt": last["wind_kt"],
        "pressure_hpa": last["pressure_hpa"],
        "speed_kt": last["translation_speed_kt"],
        "heading_deg": last["heading_deg"],
        "sst_c": last["sst_c"],
        "shear_kt": last["shear_200_850_kt"],
        "age_h": g["obs_time"].agg(lambda t: (t.max() - t.min()).total_seconds() / 3600),
        "wind_change_24h": last["wind_change_24h"],
    })
    snap["min_pressure_hpa"] = adv.groupby("storm_id")["pressure_hpa"].min()
    snap["severe"] = (adv.groupby("storm_id")["landfall_wind_kt"].first() >= SEVERE_KT).astype(int)
    return snap.dropna(subset=["wind_kt", "pressure_hpa", "sst_c"])


adv = load()
snap = storm_snapshot(adv)
FEATURES = ["month", "lat", "lon", "wind_kt", "pressure_hpa", "speed_kt", "heading_deg",
            "sst_c", "shear_kt", "age_h", "wind_change_24h", "min_pressure_hpa"]

snap = snap.sort_values("season")
train = snap[snap["season"] < TEST_FROM_SEASON]
test = snap[snap["season"] >= TEST_FROM_SEASON]
print(f"storms: train {len(train)}, test {len(test)}, severe rate {snap['severe'].mean():.2f}")

clf = GradientBoostingClassifier(n_estimators=250, max_depth=3, learning_rate=0.05,
                                 subsample=0.8, random_state=0)
X_tr = train[FEATURES].fillna(train[FEATURES].median())
X_te = test[FEATURES].fillna(train[FEATURES].median())

cv_auc = cross_val_score(clf, X_tr, train["severe"], cv=TimeSeriesSplit(n_splits=4), scoring="roc_auc")
print(f"season-ordered CV AUC: {cv_auc.mean():.3f}")

clf.fit(X_tr, train["severe"])
p = clf.predict_proba(X_te)[:, 1]
print(f"test AUC:   {roc_auc_score(test['severe'], p):.3f}")
print(f"test Brier: {brier_score_loss(test['severe'], p):.3f}")

imp = pd.Series(clf.feature_importances_, index=FEATURES).sort_values(ascending=False)
print(imp.round(3).to_string())
