# label: leakage/none
# twin: ovl_tfrecord_globs_train_eval__leaky.py
# source: hand-written for ai-ci, tuning part of round 5 (wild false positives) (Apache-2.0)
from pathlib import Path

import tensorflow as tf
from tensorflow import keras

filepath = keras.utils.get_file("sketches.tar.gz", "https://example.org/sketches.tar.gz", extract=True)
sketch_dir = Path(filepath).parent
# Training shards and evaluation shards, listed by their own patterns; the evaluation shards split into validation and test.
train_files = sorted([str(path) for path in sketch_dir.glob("training.tfrecord-*")])
eval_files = sorted([str(path) for path in sketch_dir.glob("eval.tfrecord-*")])


def sketch_dataset(filepaths, batch_size=32):
    dataset = tf.data.TFRecordDataset(filepaths)
    return dataset.batch(batch_size).prefetch(1)


train_set = sketch_dataset(train_files)
valid_set = sketch_dataset(eval_files[:5])
test_set = sketch_dataset(eval_files[5:])
model = keras.models.Sequential([keras.layers.Dense(64, activation="relu"), keras.layers.Dense(10)])
model.compile(loss="sparse_categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
model.fit(train_set, epochs=2, validation_data=valid_set)
print(model.evaluate(test_set))
