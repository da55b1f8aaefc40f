# label: leakage/preprocessing
"""Vitreous enamel on cast-iron pots: predict impact energy at first chip from firing records."""
import numpy as np
import pandas as pd
from sklearn.metrics import mean_absolute_error, mean_squared_error
from sklearn.model_selection import GroupShuffleSplit
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVR

PATHS = {"pots": "data/enamel_pots.csv", "firing": "data/furnace_firings.csv"}
BASE_COLS = [
    "ground_coat_um", "cover_coat_um", "frit_silica_pct", "frit_boron_pct", "frit_cobalt_ppm",
    "slip_density_g_ml", "furnace_peak_c", "dwell_s", "belt_speed_m_min", "substrate_carbon_pct",
    "grit_blast_ra_um", "pot_wall_mm",
]
TARGET = "chip_energy_mj"


def read_data():
    pots = pd.read_csv(PATHS["pots"])
    firing = pd.read_csv(PATHS["firing"], parse_dates=["fired_at"])
    df = pots.merge(firing, on="firing_id", how="inner")
    return df.dropna(subset=BASE_COLS + [TARGET])


def add_features(part):
    out = part[BASE_COLS].copy()
    out["total_coat_um"] = out["ground_coat_um"] + out["cover_coat_um"]
    out["coat_ratio"] = out["cover_coat_um"] / out["ground_coat_um"].clip(lower=1)
    out["heat_dose"] = out["furnace_peak_c"] * out["dwell_s"] / 1000.0
    out["log_cobalt"] = np.log1p(out["frit_cobalt_ppm"])
    return out


def prepare(part, scaler=None):
    feats = add_features(part)
    if scaler is None:
        scaler = StandardScaler().fit(feats)
    return scaler.transform(feats), scaler


data = read_data()
print(f"{len(data)} pots from {data['firing_id'].nunique()} firings")

gss = GroupShuffleSplit(n_splits=1, test_size=0.25, random_state=5)
train_idx, test_idx = next(gss.split(data, groups=data["firing_id"]))
train_df, test_df = data.iloc[train_idx], data.iloc[test_idx]

X_train, scaler = prepare(train_df)
X_test, _ = prepare(test_df)
y_train, y_test = train_df[TARGET].to_numpy(), test_df[TARGET].to_numpy()

SVR_PARAMS = {"kernel": "rbf", "C": 30.0, "epsilon": 1.0, "gamma": 0.05}
model = SVR(**SVR_PARAMS)
model.fit(X_train, y_train)
print(f"{len(model.support_)} support vectors out of {len(y_train)} pots")
train_mae = mean_absolute_error(y_train, model.predict(X_train))
print(f"train MAE: {train_mae:.2f} mJ")

pred = model.predict(X_test)
mae = mean_absolute_error(y_test, pred)
rmse = mean_squared_error(y_test, pred) ** 0.5
print(f"test MAE {mae:.2f} mJ, RMSE {rmse:.2f} mJ")

residuals = pd.DataFrame({"furnace": test_df["furnace_line"].to_numpy(), "resid": y_test - pred})
print(residuals.groupby("furnace")["resid"].agg(["mean", "std", "size"]).round(2))
