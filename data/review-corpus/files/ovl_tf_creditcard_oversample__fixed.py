# label: leakage/none
# twin: ovl_tf_creditcard_oversample__leaky.py
# source: adapted from TensorFlow docs site/en/tutorials/structured_data/imbalanced_data.ipynb (Apache-2.0, (c) the TensorFlow Authors)
import numpy as np
import pandas as pd
import tensorflow as tf
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

tf.keras.utils.set_random_seed(0)
raw_df = pd.read_csv("https://storage.googleapis.com/download.tensorflow.org/data/creditcard.csv")
cleaned_df = raw_df.copy()
cleaned_df.pop("Time")
eps = 0.001
cleaned_df["Log Amount"] = np.log(cleaned_df.pop("Amount") + eps)

labels = np.array(cleaned_df.pop("Class"))
features = np.array(cleaned_df)

train_features, test_features, train_labels, test_labels = train_test_split(
    features, labels, test_size=0.2, stratify=labels, random_state=0
)

# Oversample the minority class of the training set
bool_labels = train_labels != 0
pos_features, neg_features = train_features[bool_labels], train_features[~bool_labels]
ids = np.arange(len(pos_features))
choices = np.random.choice(ids, len(neg_features))
res_pos_features = pos_features[choices]
train_features = np.concatenate([res_pos_features, neg_features], axis=0)
train_labels = np.concatenate([np.ones(len(res_pos_features)), np.zeros(len(neg_features))])

scaler = StandardScaler()
train_features = np.clip(scaler.fit_transform(train_features), -5, 5)
test_features = np.clip(scaler.transform(test_features), -5, 5)

model = tf.keras.Sequential([
    tf.keras.layers.Input(shape=(train_features.shape[-1],)),
    tf.keras.layers.Dense(16, activation="relu"),
    tf.keras.layers.Dropout(0.5),
    tf.keras.layers.Dense(1, activation="sigmoid"),
])
model.compile(
    optimizer=tf.keras.optimizers.Adam(learning_rate=1e-3),
    loss=tf.keras.losses.BinaryCrossentropy(),
    metrics=[tf.keras.metrics.Precision(name="precision"), tf.keras.metrics.Recall(name="recall"),
             tf.keras.metrics.AUC(name="prc", curve="PR")],
)
model.fit(train_features, train_labels, batch_size=2048, epochs=20)
results = model.evaluate(test_features, test_labels, batch_size=2048, verbose=0)
for name, value in zip(model.metrics_names, results):
    print(name, ": ", value)
