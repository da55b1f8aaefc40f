# label: leakage/selection
# twin: sel_crop_yield__fixed.py
# source: hand-written for ai-ci held-out v11 (Apache-2.0)
import pandas as pd
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler
from tensorflow import keras

df = pd.read_csv("data/county_crop_yield.csv")
features = ["rain_mm", "gdd", "soil_ph", "soil_om", "n_applied", "p_applied", "ndvi_jul", "ndvi_aug"]
X = df[features].values.astype("float32")
y = df["yield_t_ha"].values.astype("float32")

X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=3)
scaler = StandardScaler().fit(X_train)
X_train, X_test = scaler.transform(X_train), scaler.transform(X_test)

model = keras.Sequential([
    keras.layers.Input(shape=(len(features),)),
    keras.layers.Dense(64, activation="relu"),
    keras.layers.Dropout(0.1),
    keras.layers.Dense(32, activation="relu"),
    keras.layers.Dense(1),
])
model.compile(optimizer=keras.optimizers.Adam(1e-3), loss="mse", metrics=["mae"])

stop = keras.callbacks.EarlyStopping(monitor="val_loss", patience=15, restore_best_weights=True)
history = model.fit(X_train, y_train, validation_data=(X_test, y_test),
                    epochs=500, batch_size=32, callbacks=[stop], verbose=0)
print("epochs trained:", len(history.history["loss"]))

mse, mae = model.evaluate(X_test, y_test, verbose=0)
print(f"test MAE: {mae:.3f} t/ha")
