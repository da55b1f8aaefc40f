# label: leakage/selection
# twin: sel_tf_custom_loop_best__fixed.py
# source: adapted from keras-io guides/writing_a_training_loop_from_scratch.py, TensorFlow version (Apache-2.0, (c) the Keras authors)
import numpy as np
import tensorflow as tf
from tensorflow import keras

keras.utils.set_random_seed(0)

inputs = keras.Input(shape=(784,), name="digits")
x1 = keras.layers.Dense(64, activation="relu")(inputs)
x2 = keras.layers.Dense(64, activation="relu")(x1)
outputs = keras.layers.Dense(10, name="predictions")(x2)
model = keras.Model(inputs=inputs, outputs=outputs)
optimizer = keras.optimizers.SGD(learning_rate=1e-3)
loss_fn = keras.losses.SparseCategoricalCrossentropy(from_logits=True)

batch_size = 64
(x_train, y_train), (x_test, y_test) = keras.datasets.mnist.load_data()
x_train = np.reshape(x_train, (-1, 784)).astype("float32") / 255.0
x_test = np.reshape(x_test, (-1, 784)).astype("float32") / 255.0
train_dataset = tf.data.Dataset.from_tensor_slices((x_train, y_train)).shuffle(buffer_size=1024, seed=0).batch(batch_size)
test_dataset = tf.data.Dataset.from_tensor_slices((x_test, y_test)).batch(batch_size)

train_acc_metric = keras.metrics.SparseCategoricalAccuracy()
test_acc_metric = keras.metrics.SparseCategoricalAccuracy()


@tf.function
def train_step(x, y):
    with tf.GradientTape() as tape:
        logits = model(x, training=True)
        loss_value = loss_fn(y, logits)
    grads = tape.gradient(loss_value, model.trainable_weights)
    optimizer.apply_gradients(zip(grads, model.trainable_weights))
    train_acc_metric.update_state(y, logits)
    return loss_value


@tf.function
def test_step(x, y):
    test_acc_metric.update_state(y, model(x, training=False))


best_acc, best_weights = 0.0, None
for epoch in range(20):
    for x_batch_train, y_batch_train in train_dataset:
        train_step(x_batch_train, y_batch_train)
    train_acc = float(train_acc_metric.result())
    train_acc_metric.reset_state()

    for x_batch, y_batch in test_dataset:
        test_step(x_batch, y_batch)
    acc = float(test_acc_metric.result())
    test_acc_metric.reset_state()
    print(f"epoch {epoch}: training acc {train_acc:.4f}, test acc {acc:.4f}")
    if acc > best_acc:
        best_acc, best_weights = acc, model.get_weights()

model.set_weights(best_weights)
print(f"final test accuracy: {best_acc:.4f}")
