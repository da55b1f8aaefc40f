# label: leakage/none
# twin: tgt_exam_pass_grade_band__leaky.py
# source: hand-written for ai-ci held-out v8 (Apache-2.0)
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import classification_report
from sklearn.model_selection import train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

students = pd.read_csv("student-mat.csv", sep=";")
students["passed"] = (students["G3"] >= 10).astype(int)

numeric = ["age", "studytime", "failures", "absences", "Medu", "Fedu", "goout", "health"]
categorical = ["school", "sex", "address", "schoolsup", "internet"]

X_train, X_test, y_train, y_test = train_test_split(
    students[numeric + categorical], students["passed"], test_size=0.25, random_state=6
)
prep = ColumnTransformer([
    ("num", StandardScaler(), numeric),
    ("cat", OneHotEncoder(handle_unknown="ignore"), categorical),
])
clf = Pipeline([("prep", prep), ("logreg", LogisticRegression(max_iter=500))])
clf.fit(X_train, y_train)
print(classification_report(y_test, clf.predict(X_test)))
