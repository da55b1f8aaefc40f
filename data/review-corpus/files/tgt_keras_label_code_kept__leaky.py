# label: leakage/target
# twin: tgt_keras_label_code_kept__fixed.py
# source: hand-written for ai-ci held-out v4 (Apache-2.0)
import pandas as pd
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import LabelEncoder
from tensorflow import keras

tickets = pd.read_csv("support_tickets.csv")
tickets["priority_code"] = LabelEncoder().fit_transform(tickets["priority"])
num = tickets.select_dtypes("number").columns.drop(["ticket_id"])

X = tickets[num].to_numpy("float32")
y = keras.utils.to_categorical(tickets["priority_code"])
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=4)
mean, std = X_train.mean(0), X_train.std(0) + 1e-7

model = keras.Sequential(
    [
        keras.Input(shape=(X.shape[1],)),
        keras.layers.Dense(32, activation="relu"),
        keras.layers.Dense(y.shape[1], activation="softmax"),
    ]
)
model.compile("adam", "categorical_crossentropy", metrics=["accuracy"])
model.fit((X_train - mean) / std, y_train, epochs=30, batch_size=64, validation_split=0.1, verbose=0)
print(dict(zip(model.metrics_names, model.evaluate((X_test - mean) / std, y_test, verbose=0))))
