# label: leakage/preprocessing
# twin: pre_keras_textvec__fixed.py
# source: hand-written for ai-ci, tuning part (Apache-2.0)
import numpy as np
import pandas as pd
import tensorflow as tf

news = pd.read_csv("headlines.csv").sample(frac=1.0, random_state=0)
texts = news["headline"].to_numpy()
topics = news["topic_id"].to_numpy()

vectorizer = tf.keras.layers.TextVectorization(max_tokens=20000, output_mode="tf_idf")
vectorizer.adapt(texts)

cut = int(0.8 * len(texts))
train_texts, test_texts = texts[:cut], texts[cut:]
train_topics, test_topics = topics[:cut], topics[cut:]

model = tf.keras.Sequential([tf.keras.Input(shape=(1,), dtype=tf.string), vectorizer, tf.keras.layers.Dense(12, activation="softmax")])
model.compile("adam", "sparse_categorical_crossentropy", metrics=["accuracy"])
model.fit(train_texts, train_topics, epochs=5, batch_size=64)
print(model.evaluate(test_texts, test_topics))
