# label: leakage/none
# Electronic tongue screening of barrel-aged miso: can the potentiometric sensor
# array reproduce the sensory panel's "off-flavour" call?
import numpy as np
import pandas as pd
from sklearn.feature_selection import SelectFromModel, VarianceThreshold
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import RepeatedStratifiedKFold, cross_validate
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVC

raw = pd.read_csv("lab/etongue_runs.csv")          # one row per sensor run
panel = pd.read_csv("lab/sensory_panel.csv")       # one verdict per barrel lot

SENSORS = ["SRS", "GPS", "STS", "UMS", "SPS", "SWS", "BRS"]
FEATS = [f"{s}_{m}" for s in SENSORS for m in ("mv_end", "mv_peak", "slope_30s", "drift_10m")]

# three replicate cups per lot; average them and keep the replicate spread as a quality signal
runs = raw[raw["run_status"] == "valid"]
lot_mean = runs.groupby("lot_id")[FEATS].mean()
lot_sd = runs.groupby("lot_id")[FEATS].std().add_suffix("_sd")
X_df = lot_mean.join(lot_sd).join(panel.set_index("lot_id")[["off_flavour", "salt_pct", "age_months"]], how="inner")
X_df = X_df.dropna()

y = X_df.pop("off_flavour").to_numpy()
print(f"{len(y)} lots, {y.mean():.1%} flagged by the panel, {X_df.shape[1]} candidate features")

# remove near-constant channels, then keep what an L1 logistic model uses
l1 = LogisticRegression(penalty="l1", solver="liblinear", C=0.3, class_weight="balanced")
model = Pipeline([
    ("vt", VarianceThreshold(threshold=1e-3)),
    ("scale", StandardScaler()),
    ("select", SelectFromModel(l1)),
    ("svc", SVC(kernel="rbf", C=3.0, gamma="scale", class_weight="balanced")),
])

cv = RepeatedStratifiedKFold(n_splits=5, n_repeats=10, random_state=0)
res = cross_validate(model, X_df, y, cv=cv,
                     scoring=["roc_auc", "balanced_accuracy", "recall"], n_jobs=-1)

for metric in ("roc_auc", "balanced_accuracy", "recall"):
    vals = res[f"test_{metric}"]
    lo, hi = np.percentile(vals, [2.5, 97.5])
    print(f"{metric:18s} {vals.mean():.3f}  [{lo:.3f}, {hi:.3f}]")

# features the pipeline keeps when fitted on every lot (for the lab report only)
model.fit(X_df, y)
kept_vt = X_df.columns[model["vt"].get_support()]
chosen = kept_vt[model["select"].get_support()]
print(f"{len(chosen)} features kept:", ", ".join(chosen))
