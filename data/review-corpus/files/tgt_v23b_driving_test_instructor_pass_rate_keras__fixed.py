# label: leakage/none
"""Predict whether a learner driver passes the practical test with a Keras network on lesson records."""
import numpy as np
import pandas as pd
from sklearn.metrics import brier_score_loss, roc_auc_score
from tensorflow import keras

tests = pd.read_csv("practical_tests_2019_2024.csv", parse_dates=["test_date", "first_lesson"])
pupils = pd.read_csv("pupil_register.csv", parse_dates=["dob"])
tests = tests.merge(pupils[["pupil_id", "dob", "licence_type"]], on="pupil_id", how="left")
tests = tests[tests["outcome"].isin(["pass", "fail"])].sort_values("test_date").reset_index(drop=True)

tests["passed"] = (tests["outcome"] == "pass").astype(int)
tests["age"] = (tests["test_date"] - tests["dob"]).dt.days / 365.25
tests["weeks_learning"] = (tests["test_date"] - tests["first_lesson"]).dt.days / 7
tests["lessons_per_week"] = tests["lessons_taken"] / tests["weeks_learning"].clip(lower=1)
tests["automatic"] = (tests["licence_type"] == "auto").astype(int)
tests["morning_slot"] = (tests["slot_hour"] < 12).astype(int)

# instructor track record from tests taken on earlier days
daily = (tests.groupby(["instructor_id", "test_date"])["passed"].agg(["sum", "size"])
         .groupby(level="instructor_id").cumsum()
         .groupby(level="instructor_id").shift(1).fillna(0)
         .rename(columns={"sum": "prior_passes", "size": "instr_tests"}).reset_index())
tests = tests.merge(daily, on=["instructor_id", "test_date"], how="left")
tests["instr_pass_rate"] = (tests["prior_passes"] + 5 * 0.5) / (tests["instr_tests"] + 5)

num_cols = ["age", "lessons_taken", "private_practice_hours", "weeks_learning", "lessons_per_week",
            "attempt_number", "mock_test_faults", "automatic", "morning_slot",
            "instr_tests", "instr_pass_rate"]
centres = sorted(tests["test_centre"].dropna().unique())

train = tests[tests["test_date"] < "2023-07-01"]
test = tests[tests["test_date"] >= "2023-07-01"]


def design(frame):
    dummies = pd.get_dummies(pd.Categorical(frame["test_centre"], categories=centres), dtype=float)
    num = frame[num_cols].fillna(0).to_numpy(dtype="float32")
    return np.hstack([num, dummies.to_numpy(dtype="float32")])


X_train, X_test = design(train), design(test)
y_train, y_test = train["passed"].to_numpy(), test["passed"].to_numpy()

norm = keras.layers.Normalization()
norm.adapt(X_train)
model = keras.Sequential([
    keras.Input(shape=(X_train.shape[1],)),
    norm,
    keras.layers.Dense(64, activation="relu"),
    keras.layers.Dropout(0.2),
    keras.layers.Dense(32, activation="relu"),
    keras.layers.Dense(1, activation="sigmoid"),
])
model.compile(optimizer=keras.optimizers.Adam(1e-3), loss="binary_crossentropy",
              metrics=[keras.metrics.AUC(name="auc")])
model.fit(X_train, y_train, epochs=25, batch_size=128, verbose=2)

prob = model.predict(X_test, verbose=0).ravel()
print(f"holdout ROC AUC: {roc_auc_score(y_test, prob):.4f}")
print(f"holdout Brier: {brier_score_loss(y_test, prob):.4f}")
print(f"pass rate observed {y_test.mean():.3f} vs predicted {prob.mean():.3f}")
