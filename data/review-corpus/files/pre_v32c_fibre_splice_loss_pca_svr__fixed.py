# label: leakage/none
"""Estimate OTDR splice loss (dB) from fusion splicer logs and the pre-fusion fibre image profile."""
import json
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.decomposition import PCA
from sklearn.model_selection import GroupKFold, cross_validate
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVR

with open("configs/splice_svr.json") as fh:
    cfg = json.load(fh)

PROFILE_COLS = [f"prof_{i:03d}" for i in range(cfg.get("profile_len", 128))]
LOG_COLS = [
    "arc_current_ma", "arc_time_ms", "prefuse_time_ms", "cleave_angle_left", "cleave_angle_right",
    "core_offset_um", "cladding_offset_um", "electrode_arc_count", "ambient_temp_c",
    "humidity_pct", "altitude_m",
]


def load_job_files(paths):
    parts = []
    for path in paths:
        part = pd.read_csv(path)
        part["job"] = Path(path).stem
        parts.append(part)
    return pd.concat(parts, ignore_index=True)


splices = load_job_files(cfg["splicer_logs"])
otdr = pd.read_csv(cfg["otdr_results"])               # splice_id, loss_db_a_to_b, loss_db_b_to_a
profiles = pd.read_parquet(cfg["profiles"])            # splice_id + prof_000..prof_127
df = splices.merge(otdr, on="splice_id").merge(profiles, on="splice_id")

# bidirectional average cancels the mode-field mismatch gainer effect
df["loss_db"] = (df["loss_db_a_to_b"] + df["loss_db_b_to_a"]) / 2
df["cleave_angle_max"] = df[["cleave_angle_left", "cleave_angle_right"]].max(axis=1)

profile_block = df[PROFILE_COLS].to_numpy(dtype=float)
log_block = df[LOG_COLS + ["cleave_angle_max"]].to_numpy(dtype=float)
y = df["loss_db"].to_numpy()

n_log = log_block.shape[1]
X = np.hstack([log_block, profile_block])
print(f"{len(df)} splices from {df['job'].nunique()} jobs, design matrix {X.shape}")

prep = ColumnTransformer([
    ("log", StandardScaler(), list(range(n_log))),
    ("profile", make_pipeline(StandardScaler(),
                              PCA(n_components=cfg.get("n_components", 12), random_state=0)),
     list(range(n_log, X.shape[1]))),
])
svr = make_pipeline(prep, SVR(kernel="rbf", C=cfg.get("C", 3.0), epsilon=cfg.get("epsilon", 0.01),
                              gamma="scale"))
cv = GroupKFold(n_splits=5)
scores = cross_validate(svr, X, y, groups=df["job"], cv=cv,
                        scoring=("neg_mean_absolute_error", "r2"), return_train_score=False)

mae = -scores["test_neg_mean_absolute_error"]
r2 = scores["test_r2"]
print(f"CV MAE {mae.mean():.4f} +/- {mae.std():.4f} dB")
print(f"CV R2  {r2.mean():.3f} +/- {r2.std():.3f}")

summary = pd.DataFrame({"fold": range(1, 6), "mae_db": mae, "r2": r2})
summary.to_csv("splice_svr_cv.csv", index=False)
