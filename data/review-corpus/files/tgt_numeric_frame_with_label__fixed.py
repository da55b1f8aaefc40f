# label: leakage/none
# twin: tgt_numeric_frame_with_label__leaky.py
# source: hand-written for ai-ci, tuning part of round 4 (Apache-2.0)
import pandas as pd
from sklearn.model_selection import train_test_split
from tensorflow import keras

keras.utils.set_random_seed(1)
students = pd.read_csv("student_performance.csv")
students["passed"] = (students["final_grade"] >= 10).astype("float32")
numeric = students.select_dtypes("number").drop(columns=["passed", "final_grade"])
X_train, X_test, y_train, y_test = train_test_split(numeric.to_numpy("float32"), students["passed"].to_numpy(), random_state=1)
model = keras.Sequential([keras.layers.Dense(32, activation="relu"), keras.layers.Dense(1, activation="sigmoid")])
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
model.fit(X_train, y_train, epochs=30, verbose=0)
print(model.evaluate(X_test, y_test, verbose=0))
