# label: leakage/none
# twin: pre_keras_featurewise_center_gen__leaky.py
# source: hand-written for ai-ci held-out v6 (Apache-2.0)
import numpy as np
from sklearn.model_selection import train_test_split
from tensorflow import keras
from tensorflow.keras.preprocessing.image import ImageDataGenerator

IMG = 96
data = np.load("data/wafer_maps_96.npz")
images = data["images"].astype("float32")[..., None]   # (n, 96, 96, 1)
defects = data["defect_type"]                           # 0..8
n_classes = int(defects.max()) + 1

x_train, x_test, y_train, y_test = train_test_split(images, defects, test_size=0.2,
                                                    stratify=defects, random_state=8)

datagen = ImageDataGenerator(featurewise_center=True, featurewise_std_normalization=True,
                             rotation_range=90, horizontal_flip=True, vertical_flip=True)
datagen.fit(x_train)


def wafer_cnn():
    inputs = keras.Input(shape=(IMG, IMG, 1))
    x = inputs
    for filters in (32, 64, 128):
        x = keras.layers.Conv2D(filters, 3, padding="same", activation="relu")(x)
        x = keras.layers.MaxPooling2D()(x)
    x = keras.layers.GlobalAveragePooling2D()(x)
    x = keras.layers.Dropout(0.4)(x)
    outputs = keras.layers.Dense(n_classes, activation="softmax")(x)
    return keras.Model(inputs, outputs)


keras.utils.set_random_seed(8)
model = wafer_cnn()
model.compile(optimizer=keras.optimizers.Adam(1e-3), loss="sparse_categorical_crossentropy",
              metrics=["accuracy"])
model.fit(datagen.flow(x_train, y_train, batch_size=64), epochs=25,
          steps_per_epoch=len(x_train) // 64)

x_test_std = datagen.standardize(x_test.copy())
loss, acc = model.evaluate(x_test_std, y_test, verbose=0)
print(f"defect-type accuracy on test wafers: {acc:.3f}")
