# label: leakage/target
"""After fall midterms, flag first-year merit scholarship holders at risk of losing renewal so advisers can reach out."""
import pandas as pd
from sklearn.compose import make_column_transformer
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, classification_report, roc_auc_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

awards = pd.read_csv("scholarship_awards.csv")
admissions = pd.read_csv("admissions_profile.csv")
midterm = pd.read_csv("fall_midterm_grades.csv")
lms = pd.read_csv("lms_activity_first_6_weeks.csv")
registrar = pd.read_csv("registrar_year_end_extract.csv")
outcomes = pd.read_csv("renewal_decisions.csv")

midterm_summary = (midterm.groupby("student_id")
                   .agg(midterm_courses=("course_id", "nunique"),
                        midterm_d_or_f=("midterm_grade", lambda g: g.isin(["D", "F"]).sum()),
                        midterm_gpa=("midterm_points", "mean"))
                   .reset_index())
lms_summary = (lms.groupby("student_id")
               .agg(logins=("session_id", "nunique"), late_submissions=("late_flag", "sum"),
                    minutes_online=("minutes", "sum"))
               .reset_index())

df = (awards.merge(admissions, on="student_id", how="left")
            .merge(midterm_summary, on="student_id", how="left")
            .merge(lms_summary, on="student_id", how="left")
            .merge(registrar[["student_id", "credits_earned", "credits_attempted", "term_gpa_spring"]],
                   on="student_id", how="left")
            .merge(outcomes[["student_id", "renewed"]], on="student_id", how="inner"))

df["lost_award"] = (df["renewed"] == "N").astype(int)
df["credit_completion"] = df["credits_earned"] / df["credits_attempted"].where(df["credits_attempted"] > 0)
df["lms_minutes_per_course"] = df["minutes_online"] / df["midterm_courses"].clip(lower=1)

numeric = ["hs_gpa", "test_score", "award_amount", "fall_credits_enrolled", "work_hours_week", "midterm_courses",
           "midterm_d_or_f", "midterm_gpa", "logins", "late_submissions", "lms_minutes_per_course",
           "credits_earned", "credit_completion", "term_gpa_spring"]
categorical = ["award_type", "intended_major_college", "residency", "first_generation", "housing"]

train = df[df["cohort_year"] <= 2021]
test = df[df["cohort_year"] == 2022]
print(f"train students: {len(train)}  test students: {len(test)}  loss rate: {train['lost_award'].mean():.2%}")

prep = make_column_transformer(
    (make_pipeline(SimpleImputer(strategy="median"), StandardScaler()), numeric),
    (make_pipeline(SimpleImputer(strategy="most_frequent"), OneHotEncoder(handle_unknown="ignore")), categorical),
)
clf = make_pipeline(prep, LogisticRegression(C=0.5, class_weight="balanced", max_iter=2000))
clf.fit(train[numeric + categorical], train["lost_award"])

proba = clf.predict_proba(test[numeric + categorical])[:, 1]
print(f"ROC AUC: {roc_auc_score(test['lost_award'], proba):.3f}")
print(f"PR AUC:  {average_precision_score(test['lost_award'], proba):.3f}")
print(classification_report(test["lost_award"], (proba >= 0.5).astype(int), digits=3))

coefs = pd.Series(clf[-1].coef_[0], index=clf[0].get_feature_names_out())
print(coefs.sort_values(key=abs, ascending=False).head(10).round(3))

# adviser outreach list: top 15% of current holders by risk
k = int(0.15 * len(test))
top = test.assign(risk=proba).nlargest(k, "risk")
print(f"caught in top {k}: {top['lost_award'].sum()} of {test['lost_award'].sum()} who lost the award")
