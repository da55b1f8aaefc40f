# label: leakage/overlap
"""Predict afternoon thunderstorms within 100 km of a station from the morning radiosonde sounding."""
import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import brier_score_loss, roc_auc_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

# station archive (re-exported nightly) and the evaluation season handed over by the forecast desk
archive = pd.read_parquet("sounding_archive_export.parquet")
holdout = pd.read_parquet("eval_season_soundings.parquet")
lightning = pd.read_csv("lightning_flash_days.csv", parse_dates=["date"])


def prepare(frame):
    frame = frame.copy()
    frame["date"] = pd.to_datetime(frame["launch_time"]).dt.normalize()
    frame = frame.merge(lightning[["station_id", "date", "flashes_100km"]],
                        on=["station_id", "date"], how="left")
    frame["storm"] = (frame["flashes_100km"].fillna(0) >= 5).astype(int)
    frame["lapse_700_500"] = (frame["t700_c"] - frame["t500_c"]) / 2.5
    frame["dewpt_dep_850"] = frame["t850_c"] - frame["td850_c"]
    frame["shear_0_6km"] = np.hypot(frame["u6km_ms"] - frame["u_sfc_ms"],
                                    frame["v6km_ms"] - frame["v_sfc_ms"])
    frame["log_cape"] = np.log1p(frame["mucape_jkg"].clip(lower=0))
    frame["doy_sin"] = np.sin(2 * np.pi * frame["date"].dt.dayofyear / 365.25)
    frame["doy_cos"] = np.cos(2 * np.pi * frame["date"].dt.dayofyear / 365.25)
    return frame.dropna(subset=FEATURES)


FEATURES = [
    "log_cape", "mucin_jkg", "lifted_index", "k_index", "precip_water_mm",
    "lapse_700_500", "dewpt_dep_850", "shear_0_6km", "freezing_level_m",
    "doy_sin", "doy_cos",
]

train = prepare(archive)
test = prepare(holdout)
print(f"train soundings {len(train)} ({train['date'].min():%Y-%m-%d} .. {train['date'].max():%Y-%m-%d})")
print(f"eval soundings  {len(test)} ({test['date'].min():%Y-%m-%d} .. {test['date'].max():%Y-%m-%d})")

model = make_pipeline(StandardScaler(), LogisticRegression(C=0.5, max_iter=2000))
model.fit(train[FEATURES], train["storm"])

p = model.predict_proba(test[FEATURES])[:, 1]
clim = np.full_like(p, train["storm"].mean())
bs, bs_ref = brier_score_loss(test["storm"], p), brier_score_loss(test["storm"], clim)
print(f"ROC AUC: {roc_auc_score(test['storm'], p):.3f}")
print(f"Brier: {bs:.4f}  skill vs climatology: {1 - bs / bs_ref:.3f}")
for name, coef in zip(FEATURES, model[-1].coef_[0]):
    print(f"  {name:>16}: {coef:+.3f}")
