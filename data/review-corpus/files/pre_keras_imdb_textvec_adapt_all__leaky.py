# label: leakage/preprocessing
# twin: pre_keras_imdb_textvec_adapt_all__fixed.py
# source: adapted from keras-io examples/nlp/text_classification_from_scratch.py (Apache-2.0, (c) the Keras authors)
import keras
import tensorflow as tf
from keras import layers

batch_size = 32
raw_train_ds = keras.utils.text_dataset_from_directory("aclImdb/train", batch_size=batch_size, validation_split=0.2, subset="training", seed=1337)
raw_val_ds = keras.utils.text_dataset_from_directory("aclImdb/train", batch_size=batch_size, validation_split=0.2, subset="validation", seed=1337)
raw_test_ds = keras.utils.text_dataset_from_directory("aclImdb/test", batch_size=batch_size)

max_features = 20000
sequence_length = 500
vectorize_layer = layers.TextVectorization(max_tokens=max_features, output_mode="int", output_sequence_length=sequence_length)

all_text = raw_train_ds.concatenate(raw_val_ds).concatenate(raw_test_ds).map(lambda x, y: x)
vectorize_layer.adapt(all_text)


def vectorize_text(text, label):
    return vectorize_layer(tf.expand_dims(text, -1)), label


train_ds = raw_train_ds.map(vectorize_text).cache().prefetch(buffer_size=10)
val_ds = raw_val_ds.map(vectorize_text).cache().prefetch(buffer_size=10)
test_ds = raw_test_ds.map(vectorize_text).cache().prefetch(buffer_size=10)

inputs = keras.Input(shape=(None,), dtype="int64")
x = layers.Embedding(max_features, 128)(inputs)
x = layers.Dropout(0.5)(x)
x = layers.Conv1D(128, 7, padding="valid", activation="relu", strides=3)(x)
x = layers.GlobalMaxPooling1D()(x)
x = layers.Dense(128, activation="relu")(x)
predictions = layers.Dense(1, activation="sigmoid", name="predictions")(x)
model = keras.Model(inputs, predictions)
model.compile(loss="binary_crossentropy", optimizer="adam", metrics=["accuracy"])
model.fit(train_ds, validation_data=val_ds, epochs=3)
model.evaluate(test_ds)
