# label: leakage/target
# twin: tgt_v12_student_pass_rf__fixed.py
# source: hand-written for ai-ci held-out v12 (Apache-2.0)
import pandas as pd
from sklearn.compose import make_column_selector, make_column_transformer
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import accuracy_score, f1_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder


def load_students(path):
    df = pd.read_csv(path, sep=";")
    df["passed"] = (df["final_score"] >= 50).astype(int)
    return df


students = load_students("data/student_records.csv")
X = students.drop(columns=["passed", "student_id"])
y = students["passed"]

X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, stratify=y, random_state=6)

prep = make_column_transformer(
    (OneHotEncoder(handle_unknown="ignore"), make_column_selector(dtype_include=object)),
    remainder="passthrough",
)
model = make_pipeline(prep, RandomForestClassifier(n_estimators=500, min_samples_leaf=3, random_state=6))
model.fit(X_train, y_train)

pred = model.predict(X_test)
print("accuracy:", accuracy_score(y_test, pred))
print("F1:", f1_score(y_test, pred))
