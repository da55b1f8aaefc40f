# label: leakage/none
# twin: tgt_v16_spore_station_rate__leaky.py
# source: hand-written for ai-ci held-out v16 (Apache-2.0)
import numpy as np
import pandas as pd
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import classification_report, roc_auc_score

PATH = "data/spore_trap_daily.csv"
HIGH_THRESHOLD = 500  # spores per m3 of air
TEST_START = "2023-04-01"


def load_daily(path):
    df = pd.read_csv(path, parse_dates=["date"])
    df = df.sort_values(["station", "date"]).reset_index(drop=True)
    df["concentration_m3"] = df["spore_count"] / df["air_volume_m3"]
    df["high_day"] = (df["concentration_m3"] >= HIGH_THRESHOLD).astype(int)
    return df


def engineer(df):
    g = df.groupby("station")["concentration_m3"]
    df["conc_lag1"] = g.shift(1)
    df["conc_lag2"] = g.shift(2)
    df["conc_week_mean"] = g.transform(lambda s: s.shift(1).rolling(7, min_periods=3).mean())
    df["doy_sin"] = np.sin(2 * np.pi * df["date"].dt.dayofyear / 365.25)
    df["doy_cos"] = np.cos(2 * np.pi * df["date"].dt.dayofyear / 365.25)
    return df


FEATURES = ["conc_lag1", "conc_lag2", "conc_week_mean", "temp_max_c", "rel_humidity", "rain_mm",
            "leaf_wetness_h", "wind_ms", "doy_sin", "doy_cos"]


def main():
    df = engineer(load_daily(PATH))
    train = df[df["date"] < TEST_START]
    test = df[df["date"] >= TEST_START]

    clf = HistGradientBoostingClassifier(max_iter=300, learning_rate=0.05, random_state=0)
    clf.fit(train[FEATURES], train["high_day"])
    proba = clf.predict_proba(test[FEATURES])[:, 1]
    print(f"test AUC: {roc_auc_score(test['high_day'], proba):.4f}")
    print(classification_report(test["high_day"], proba >= 0.5, digits=3))
    per_station = test.assign(p=proba).groupby("station")[["p", "high_day"]].mean()
    print(per_station.round(3))


if __name__ == "__main__":
    main()
