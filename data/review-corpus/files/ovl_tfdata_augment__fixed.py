# label: leakage/none
# twin: ovl_tfdata_augment__leaky.py
# source: hand-written for ai-ci held-out v2 (Apache-2.0)
import tensorflow as tf
from tensorflow import keras

AUTOTUNE = tf.data.AUTOTUNE
train_ds, test_ds = keras.utils.image_dataset_from_directory(
    "flowers/", image_size=(160, 160), batch_size=None, validation_split=0.2, subset="both", seed=1
)


def augment(image, label):
    image = tf.image.random_flip_left_right(image, seed=1)
    image = tf.image.random_brightness(image, 0.2, seed=1)
    return image, label


train_ds = train_ds.concatenate(train_ds.map(augment, num_parallel_calls=AUTOTUNE))
train_ds = train_ds.shuffle(4096, seed=1).batch(32).prefetch(AUTOTUNE)
test_ds = test_ds.batch(32)

base = keras.applications.MobileNetV2(include_top=False, input_shape=(160, 160, 3), weights="imagenet")
base.trainable = False
model = keras.Sequential([
    keras.layers.Rescaling(1.0 / 127.5, offset=-1),
    base,
    keras.layers.GlobalAveragePooling2D(),
    keras.layers.Dense(5, activation="softmax"),
])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
model.fit(train_ds, epochs=10)
loss, acc = model.evaluate(test_ds)
print("test accuracy", acc)
