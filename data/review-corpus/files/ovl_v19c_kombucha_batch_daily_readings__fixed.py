# label: leakage/none
import numpy as np
import pandas as pd
import matplotlib.pyplot as plt
from sklearn.ensemble import RandomForestClassifier
from sklearn.pipeline import make_pipeline
from sklearn.impute import SimpleImputer
from sklearn.model_selection import StratifiedGroupKFold, cross_validate

READINGS = "data/fermenter_daily_readings.parquet"
QC = "data/batch_qc_tasting.csv"

SENSORS = ["ph", "brix", "tank_temp_c", "dissolved_o2", "titratable_acidity",
           "ethanol_pct", "room_humidity"]


class BatchFeatures:
    """Per-reading features relative to the batch's own first reading."""

    def __init__(self, sensors):
        self.sensors = sensors

    def transform(self, df):
        df = df.sort_values(["batch_id", "reading_day"]).copy()
        g = df.groupby("batch_id")
        for col in self.sensors:
            df[f"{col}_delta0"] = df[col] - g[col].transform("first")
            df[f"{col}_slope"] = g[col].diff() / g["reading_day"].diff()
        df["scoby_age_weeks"] = df["scoby_age_days"] / 7.0
        df["tea_is_green"] = (df["tea_base"] == "green").astype(int)
        return df


readings = pd.read_parquet(READINGS)
qc = pd.read_csv(QC)[["batch_id", "rejected"]]
data = BatchFeatures(SENSORS).transform(readings).merge(qc, on="batch_id", how="inner")

print(data["batch_id"].nunique(), "batches,", len(data), "readings")
print("rejected batches:", qc["rejected"].mean().round(3))

feature_cols = (
    SENSORS
    + [f"{c}_delta0" for c in SENSORS]
    + [f"{c}_slope" for c in SENSORS]
    + ["reading_day", "scoby_age_weeks", "tea_is_green", "sugar_g_per_l", "vessel_litres"]
)
X = data[feature_cols]
y = data["rejected"].astype(int)

model = make_pipeline(
    SimpleImputer(strategy="median"),
    RandomForestClassifier(n_estimators=400, min_samples_leaf=3, max_features="sqrt",
                           class_weight="balanced_subsample", n_jobs=-1, random_state=0),
)

cv = StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=0)
res = cross_validate(model, X, y, groups=data["batch_id"], cv=cv,
                     scoring=["roc_auc", "average_precision", "balanced_accuracy"],
                     return_estimator=True)

for metric in ("test_roc_auc", "test_average_precision", "test_balanced_accuracy"):
    print(f"{metric:26s} {res[metric].mean():.3f} +/- {res[metric].std():.3f}")

imps = np.mean([est[-1].feature_importances_ for est in res["estimator"]], axis=0)
top = pd.Series(imps, index=feature_cols).nlargest(15)
top[::-1].plot.barh(figsize=(6, 6))
plt.title("mean impurity importance across folds")
plt.tight_layout()
plt.savefig("figures/kombucha_rf_importance.png")
