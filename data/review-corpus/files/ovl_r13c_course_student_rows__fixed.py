# label: leakage/none
# twin: ovl_r13c_course_student_rows__leaky.py
# source: hand-written for ai-ci, tuning part of round 13 (Apache-2.0)
import pandas as pd
from sklearn.model_selection import GroupShuffleSplit, cross_val_score, GroupKFold
from sklearn.ensemble import GradientBoostingClassifier
from sklearn.metrics import roc_auc_score, classification_report

# enrolments.csv: enrolment_id, student_id, course_id, course_hours, difficulty,
#                 videos_week1, quizzes_week1, forum_posts_week1, completed
# students.csv:   student_id, age, weekly_hours_goal, timezone_offset, mobile_share
enrol = pd.read_csv("enrolments.csv")
students = pd.read_csv("students.csv")
df = enrol.merge(students, on="student_id", how="left")
print("enrolments per student:")
print(df.groupby("student_id").size().describe())

# goal: predict completion for newly registered students
X = df.drop(columns=["enrolment_id", "student_id", "course_id", "completed"])
X = X.select_dtypes("number").fillna(0)
y = df["completed"]
groups = df["student_id"]

gss = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=3)
train_idx, test_idx = next(gss.split(X, y, groups=groups))
X_train, X_test = X.iloc[train_idx], X.iloc[test_idx]
y_train, y_test = y.iloc[train_idx], y.iloc[test_idx]

clf = GradientBoostingClassifier(n_estimators=300, max_depth=3, random_state=3)
cv = GroupKFold(n_splits=5)
cv_auc = cross_val_score(clf, X_train, y_train, groups=groups.iloc[train_idx], cv=cv, scoring="roc_auc")
print("CV AUC: %.3f +/- %.3f" % (cv_auc.mean(), cv_auc.std()))

clf.fit(X_train, y_train)
proba = clf.predict_proba(X_test)[:, 1]
print("test AUC:", roc_auc_score(y_test, proba))
print(classification_report(y_test, (proba > 0.5).astype(int)))
