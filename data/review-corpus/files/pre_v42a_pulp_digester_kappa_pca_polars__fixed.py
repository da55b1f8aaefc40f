# label: leakage/none
# Soft-sensor for kappa number at the blow line of the continuous digester.
# Lab kappa arrives every ~2 h; DCS tags are logged every minute.
import numpy as np
import polars as pl
from sklearn.decomposition import PCA
from sklearn.linear_model import Ridge
from sklearn.metrics import mean_absolute_error, r2_score
from sklearn.preprocessing import StandardScaler

TAGS = [
    "chip_meter_rpm", "chip_moisture_pct", "white_liquor_flow", "ea_charge_pct",
    "sulfidity_pct", "upper_cook_temp", "lower_cook_temp", "wash_zone_temp",
    "h_factor", "extraction_flow", "residual_alkali_gpl", "dilution_factor",
    "digester_level_pct", "chip_bulk_density",
]

sensors = (
    pl.read_parquet("data/digester_dcs_1min.parquet")
    .with_columns(pl.col("ts").cast(pl.Datetime("us")))
    .sort("ts")
    .filter(pl.col("production_adt_h") > 20)
)

windows = (
    sensors.group_by_dynamic("ts", every="1h", closed="left", label="right")
    .agg([pl.col(t).mean() for t in TAGS])
    .drop_nulls()
)

lab = (
    pl.read_csv("data/blowline_kappa_lab.csv", try_parse_dates=True)
    .rename({"sample_time": "ts"})
    .with_columns(pl.col("ts").cast(pl.Datetime("us")))
    .filter(pl.col("kappa").is_between(15, 45))
    .sort("ts")
)

df = lab.join_asof(windows, on="ts", strategy="backward", tolerance="1h").drop_nulls(TAGS)
print(df.height, "lab samples", df["ts"].min(), "->", df["ts"].max())

X = df.select(TAGS).to_numpy()
y = df["kappa"].to_numpy()
n_train = int(0.8 * len(X))

scaler = StandardScaler().fit(X[:n_train])
pca = PCA(n_components=0.95, svd_solver="full").fit(scaler.transform(X[:n_train]))
Z = pca.transform(scaler.transform(X))
print(f"{pca.n_components_} components keep 95% of variance")

Z_train, Z_test = Z[:n_train], Z[n_train:]
y_train, y_test = y[:n_train], y[n_train:]

reg = Ridge(alpha=1.0).fit(Z_train, y_train)
pred = reg.predict(Z_test)

mae = mean_absolute_error(y_test, pred)
r2 = r2_score(y_test, pred)
bias = float(np.mean(pred - y_test))
in_band = float(np.mean(np.abs(pred - y_test) <= 2.0))
print(f"test MAE {mae:.2f} kappa units | R2 {r2:.3f} | bias {bias:+.2f} | within +/-2: {in_band:.1%}")

loadings = pl.DataFrame(
    {"tag": TAGS, **{f"pc{i + 1}": pca.components_[i] for i in range(min(3, pca.n_components_))}}
)
print(loadings.sort("pc1", descending=True))

out = df.slice(n_train).select("ts", "kappa").with_columns(pl.Series("kappa_pred", pred))
out.write_csv("kappa_softsensor_test.csv")
