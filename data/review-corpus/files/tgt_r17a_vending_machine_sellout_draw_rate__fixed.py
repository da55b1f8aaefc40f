# label: leakage/none
# twin: tgt_r17a_vending_machine_sellout_draw_rate__leaky.py
# source: hand-written for ai-ci, round 17 tuning probes (Apache-2.0)
"""Will a vending machine sell out of its top slot before the next restock visit?

Each row is one restock visit made by a route driver.
Apache-2.0 licensed.
"""
import numpy as np
import pandas as pd
import matplotlib.pyplot as plt
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import classification_report, roc_auc_score, RocCurveDisplay

VISITS = "routes/restock_visits.parquet"
SITES = "routes/machine_sites.csv"
SPLIT_DATE = "2024-03-01"


class MachineFeatures:
    """Builds per-visit features for the sell-out model."""

    site_cols = ["site_type", "indoor", "footfall_band"]
    site_type_codes = {"office": 0, "school": 1, "hospital": 2, "transit": 3, "gym": 4, "retail": 5}
    footfall_codes = {"low": 0, "medium": 1, "high": 2, "very_high": 3}

    def __init__(self, sites: pd.DataFrame):
        self.sites = sites.set_index("machine_id")

    def _timing(self, v):
        v["dow"] = v["visit_ts"].dt.dayofweek
        v["hour"] = v["visit_ts"].dt.hour
        v["days_since_last"] = (
            v.groupby("machine_id")["visit_ts"].diff().dt.total_seconds() / 86400
        )
        return v

    def _stock(self, v):
        v["fill_ratio"] = v["units_loaded"] / v["slot_capacity"]
        v["empty_on_arrival"] = (v["units_before_load"] == 0).astype(int)
        v["draw_per_day"] = (
            v.groupby("machine_id")["units_sold_to_next"].shift(1) / v["days_since_last"]
        )
        v["days_of_cover"] = v["units_loaded"] / v["draw_per_day"].replace(0, np.nan)
        v["days_of_cover"] = v["days_of_cover"].fillna(60).clip(upper=60)
        return v

    def transform(self, visits: pd.DataFrame) -> pd.DataFrame:
        v = visits.sort_values(["machine_id", "visit_ts"]).copy()
        v = self._timing(v)
        v = self._stock(v)
        v = v.join(self.sites[self.site_cols], on="machine_id")
        v["site_type"] = v["site_type"].map(self.site_type_codes)
        v["footfall_band"] = v["footfall_band"].map(self.footfall_codes)
        return v


def make_label(visits):
    return (visits["units_sold_to_next"] >= visits["units_loaded"]).astype(int)


visits = pd.read_parquet(VISITS)
visits["visit_ts"] = pd.to_datetime(visits["visit_ts"])
visits = visits.dropna(subset=["units_sold_to_next"])
sites = pd.read_csv(SITES)

fb = MachineFeatures(sites)
data = fb.transform(visits)
data["sold_out"] = make_label(data)

drop = ["machine_id", "visit_ts", "units_sold_to_next", "sold_out", "driver_id"]
X_cols = [c for c in data.columns if c not in drop]
data[X_cols] = data[X_cols].fillna(-1)

train = data[data["visit_ts"] < SPLIT_DATE]
test = data[data["visit_ts"] >= SPLIT_DATE]
print(f"train visits {len(train)}  test visits {len(test)}  sell-out rate {train.sold_out.mean():.2%}")

clf = RandomForestClassifier(
    n_estimators=400, min_samples_leaf=5, class_weight="balanced_subsample",
    n_jobs=-1, random_state=3,
)
clf.fit(train[X_cols], train["sold_out"])

proba = clf.predict_proba(test[X_cols])[:, 1]
print("ROC AUC:", round(roc_auc_score(test["sold_out"], proba), 3))
print(classification_report(test["sold_out"], (proba >= 0.5).astype(int), digits=3))

RocCurveDisplay.from_predictions(test["sold_out"], proba, name="random forest")
plt.title("Sell-out before next visit")
plt.savefig("sellout_roc.png", dpi=110)

top = pd.Series(clf.feature_importances_, index=X_cols).nlargest(10)
print(top)
