# label: leakage/none
"""Estimate drag coefficient of scale car models from wind-tunnel pressure taps via ICA components and ridge."""
import numpy as np
import polars as pl
from sklearn.decomposition import FastICA
from sklearn.linear_model import RidgeCV
from sklearn.metrics import mean_absolute_error, r2_score
from sklearn.model_selection import GroupShuffleSplit
from sklearn.preprocessing import StandardScaler

TAPS = [f"tap_{i:02d}" for i in range(1, 41)]

runs = pl.read_parquet("tunnel_runs_2023.parquet")
configs = pl.read_csv("model_configs.csv")  # config_id, body_style, has_spoiler, ride_height_mm

runs = (
    runs.filter(pl.col("flow_settled") & (pl.col("speed_ms") > 15))
    .join(configs, on="config_id", how="left")
    .with_columns(
        ((pl.col("speed_ms") * pl.col("ref_length_m")) / 1.5e-5).log10().alias("log_re"),
        (pl.col("yaw_deg").abs()).alias("abs_yaw"),
        pl.col("has_spoiler").cast(pl.Int8),
    )
    .drop_nulls(subset=TAPS + ["cd"])
)

# tap readings are pressure coefficients; subtract the run's mean to drop offset drift
cp = runs.select(TAPS).to_numpy()
cp = cp - cp.mean(axis=1, keepdims=True)
extra = runs.select(["log_re", "abs_yaw", "has_spoiler", "ride_height_mm"]).to_numpy().astype(float)
y = runs["cd"].to_numpy()
groups = runs["config_id"].to_numpy()

gss = GroupShuffleSplit(n_splits=1, test_size=0.25, random_state=2)
train_idx, test_idx = next(gss.split(cp, y, groups))

ica = FastICA(n_components=8, whiten="unit-variance", max_iter=2000, random_state=0)
ica.fit(cp[train_idx])
X = np.hstack([ica.transform(cp), extra])
X_train, X_test = X[train_idx], X[test_idx]
y_train, y_test = y[train_idx], y[test_idx]

scaler = StandardScaler().fit(X_train)
model = RidgeCV(alphas=np.logspace(-3, 2, 30))
model.fit(scaler.transform(X_train), y_train)
pred = model.predict(scaler.transform(X_test))

print(f"alpha: {model.alpha_:.4g}")
print(f"held-out configs MAE (counts): {1000 * mean_absolute_error(y_test, pred):.1f}")
print(f"held-out configs R2: {r2_score(y_test, pred):.3f}")
for cfg in np.unique(groups[test_idx]):
    m = groups[test_idx] == cfg
    print(cfg, f"mean cd {y_test[m].mean():.3f}  predicted {pred[m].mean():.3f}")
