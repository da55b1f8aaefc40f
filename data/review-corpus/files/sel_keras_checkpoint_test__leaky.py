# label: leakage/selection
# twin: sel_keras_checkpoint_test__fixed.py
# source: hand-written for ai-ci, tuning part (Apache-2.0)
import pandas as pd
from sklearn.model_selection import train_test_split
from tensorflow import keras

df = pd.read_csv("wine.csv")
X = df.drop(columns="quality").values
y = (df["quality"] >= 7).astype(int).values
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, random_state=4)

net = keras.Sequential([keras.layers.Dense(64, activation="relu"), keras.layers.Dense(1, activation="sigmoid")])
net.compile(optimizer="adam", loss="binary_crossentropy", metrics=["AUC"])
ckpt = keras.callbacks.ModelCheckpoint("best.keras", monitor="val_auc", mode="max", save_best_only=True)
net.fit(X_train, y_train, epochs=200, validation_data=(X_test, y_test), callbacks=[ckpt], verbose=0)
best = keras.models.load_model("best.keras")
print(best.evaluate(X_test, y_test, return_dict=True))
