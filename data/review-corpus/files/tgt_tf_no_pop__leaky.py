# label: leakage/target
# twin: tgt_tf_no_pop__fixed.py
# source: hand-written for ai-ci held-out v2 in the style of the TensorFlow structured-data tutorials (Apache-2.0)
import pandas as pd
import tensorflow as tf

train_frame = pd.read_csv("petfinder_train.csv")
test_frame = pd.read_csv("petfinder_test.csv")
numeric_cols = ["Age", "Fee", "PhotoAmt", "VideoAmt", "Quantity", "Adopted"]


def df_to_dataset(dataframe, shuffle=True, batch_size=64):
    dataframe = dataframe.copy()
    labels = dataframe["Adopted"]
    ds = tf.data.Dataset.from_tensor_slices((dataframe[numeric_cols].astype("float32").values, labels.values))
    if shuffle:
        ds = ds.shuffle(buffer_size=len(dataframe), seed=0)
    return ds.batch(batch_size)


train_ds = df_to_dataset(train_frame)
test_ds = df_to_dataset(test_frame, shuffle=False)

model = tf.keras.Sequential([
    tf.keras.layers.Input(shape=(len(numeric_cols),)),
    tf.keras.layers.BatchNormalization(),
    tf.keras.layers.Dense(32, activation="relu"),
    tf.keras.layers.Dense(1, activation="sigmoid"),
])
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
model.fit(train_ds, epochs=10)
print("test accuracy", model.evaluate(test_ds)[1])
