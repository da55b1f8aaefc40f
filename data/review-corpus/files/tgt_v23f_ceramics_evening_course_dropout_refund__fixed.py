# label: leakage/none
"""Flag evening ceramics-course enrolments likely to drop out before the fourth session."""
import pandas as pd
from sklearn.calibration import CalibratedClassifierCV
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

enrol = pd.read_csv("studio_enrolments.csv", parse_dates=["enrolled_on", "course_start"])
courses = pd.read_csv("course_calendar.csv")
payments = pd.read_csv("enrolment_payments.csv", parse_dates=["paid_on"])
refunds = pd.read_csv("refunds_issued.csv")

# only money received before the first session
payments = payments.merge(enrol[["enrolment_id", "course_start"]], on="enrolment_id")
payments = payments[payments["paid_on"] < payments["course_start"]]
pay = payments.groupby("enrolment_id", as_index=False).agg(
    paid_gbp=("amount_gbp", "sum"),
    n_instalments=("amount_gbp", "size"),
)

df = (enrol.merge(courses, on="course_code", how="left")
           .merge(pay, on="enrolment_id", how="left")
           .merge(refunds.groupby("enrolment_id", as_index=False)["refund_gbp"].sum(),
                  on="enrolment_id", how="left"))
df[["paid_gbp", "n_instalments", "refund_gbp"]] = df[
    ["paid_gbp", "n_instalments", "refund_gbp"]].fillna(0)
df["dropped_early"] = (df["sessions_attended"] < 4).astype(int)
df = df[df["course_start"] < "2024-09-01"]

df["days_booked_ahead"] = (df["course_start"] - df["enrolled_on"]).dt.days
df["returning_student"] = df["previous_courses"].fillna(0).gt(0).astype(int)
df["paid_share"] = df["paid_gbp"] / df["course_fee_gbp"]
df["weekday"] = df["course_start"].dt.day_name()

numeric = ["days_booked_ahead", "previous_courses", "age", "distance_km", "paid_share",
           "n_instalments", "course_fee_gbp", "class_size_cap"]
categorical = ["course_level", "technique", "weekday", "tutor", "heard_via"]

train = df[df["course_start"] < "2024-01-01"]
test = df[df["course_start"] >= "2024-01-01"]
X_train, y_train = train[numeric + categorical], train["dropped_early"]
X_test, y_test = test[numeric + categorical], test["dropped_early"]

prep = ColumnTransformer([
    ("num", Pipeline([("imp", SimpleImputer(strategy="median")),
                      ("sc", StandardScaler())]), numeric),
    ("cat", Pipeline([("imp", SimpleImputer(strategy="constant", fill_value="n/a")),
                      ("oh", OneHotEncoder(handle_unknown="ignore", min_frequency=10))]),
     categorical),
])
model = Pipeline([
    ("prep", prep),
    ("clf", CalibratedClassifierCV(LogisticRegression(C=0.5, max_iter=2000),
                                   method="isotonic", cv=5)),
])
model.fit(X_train, y_train)

proba = model.predict_proba(X_test)[:, 1]
print(f"ROC AUC : {roc_auc_score(y_test, proba):.3f}")
print(f"PR AUC  : {average_precision_score(y_test, proba):.3f}")
print(f"base rate {y_test.mean():.3f}")
