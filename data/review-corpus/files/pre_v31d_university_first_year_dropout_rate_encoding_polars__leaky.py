# label: leakage/preprocessing
import numpy as np
import polars as pl
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score, brier_score_loss
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

PRIOR_WEIGHT = 20.0

students = pl.read_csv("registry/first_year_cohorts_2016_2022.csv", try_parse_dates=True)
# student_id, cohort, programme, high_school, entry_points, maths_grade, distance_km,
# first_gen, mature, scholarship, accommodation, deferred_entry, clearing_offer, dropped_year1

students = students.with_columns(
    pl.col("distance_km").log1p().alias("log_distance"),
    (pl.col("maths_grade") >= 7).cast(pl.Int8).alias("strong_maths"),
    (pl.col("mature") * pl.col("first_gen")).alias("mature_first_gen"),
)


def smoothed_rate(df, key, target, prior, weight):
    return (
        df.group_by(key)
        .agg(pl.col(target).sum().alias("_pos"), pl.len().alias("_n"))
        .with_columns(
            ((pl.col("_pos") + prior * weight) / (pl.col("_n") + weight)).alias(f"{key}_dropout_rate")
        )
        .select(key, f"{key}_dropout_rate")
    )


base_rate = students["dropped_year1"].mean()
for key in ["programme", "high_school"]:
    rates = smoothed_rate(students, key, "dropped_year1", base_rate, PRIOR_WEIGHT)
    students = students.join(rates, on=key, how="left")

FEATURES = ["entry_points", "maths_grade", "strong_maths", "log_distance", "first_gen", "mature",
            "mature_first_gen", "scholarship", "accommodation", "deferred_entry", "clearing_offer",
            "programme_dropout_rate", "high_school_dropout_rate"]

X = students.select(FEATURES).to_numpy()
y = students["dropped_year1"].to_numpy()
X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.25, stratify=y, random_state=2)

clf = make_pipeline(StandardScaler(), LogisticRegression(C=0.5, max_iter=2000))
clf.fit(X_tr, y_tr)
p = clf.predict_proba(X_te)[:, 1]

print(f"AUC   {roc_auc_score(y_te, p):.3f}")
print(f"Brier {brier_score_loss(y_te, p):.4f}")
coefs = clf.named_steps["logisticregression"].coef_[0]
for name, c in sorted(zip(FEATURES, coefs), key=lambda t: -abs(t[1])):
    print(f"  {name:28s} {c:+.3f}")

flag = p >= np.quantile(p, 0.9)
print(f"outreach list precision (top decile): {y_te[flag].mean():.2f}")
