# label: leakage/target
# twin: tgt_r17c_wiki_editor_retention_window__fixed.py
# source: hand-written for ai-ci, round 17 tuning probes (Apache-2.0)
import polars as pl
import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import StandardScaler
from sklearn.pipeline import make_pipeline
from sklearn.model_selection import train_test_split
from sklearn.metrics import roc_auc_score, classification_report

OBS_DAYS = 30
LABEL_FROM, LABEL_TO = 30, 60

users = pl.read_parquet("dumps/new_accounts_2022.parquet").select(
    "user_id", "registered_at", "signup_source", "email_confirmed", "came_from_editathon"
).filter(pl.col("registered_at") < pl.datetime(2022, 11, 1))
edits = pl.read_parquet("dumps/edit_events_2022.parquet").select(
    "user_id", "ts", "namespace", "bytes_delta", "was_reverted", "used_visual_editor"
)

edits = (
    edits.join(users.select("user_id", "registered_at"), on="user_id", how="inner")
    .with_columns(
        ((pl.col("ts") - pl.col("registered_at")).dt.total_hours() / 24).alias("days_since_reg")
    )
    .filter(pl.col("days_since_reg") >= 0)
)

label = (
    edits.filter(pl.col("days_since_reg").is_between(LABEL_FROM, LABEL_TO, closed="left"))
    .group_by("user_id")
    .agg(pl.len().alias("label_edits"))
    .with_columns((pl.col("label_edits") > 0).cast(pl.Int8).alias("retained"))
    .select("user_id", "retained")
)

activity = (
    edits
    .group_by("user_id")
    .agg(
        pl.len().alias("n_edits"),
        pl.col("days_since_reg").floor().n_unique().alias("active_days"),
        (pl.col("namespace") == 0).sum().alias("article_edits"),
        (pl.col("namespace") == 3).sum().alias("user_talk_edits"),
        pl.col("bytes_delta").abs().median().alias("median_abs_bytes"),
        pl.col("was_reverted").mean().alias("revert_rate"),
        pl.col("used_visual_editor").mean().alias("ve_share"),
        pl.col("days_since_reg").max().alias("last_edit_day"),
    )
)

frame = (
    users.join(activity, on="user_id", how="left")
    .join(label, on="user_id", how="left")
    .with_columns(
        pl.col("retained").fill_null(0),
        pl.col(["n_edits", "active_days", "article_edits", "user_talk_edits"]).fill_null(0),
        pl.col(["median_abs_bytes", "revert_rate", "ve_share"]).fill_null(0.0),
        pl.col("last_edit_day").fill_null(-1.0),
        pl.col("email_confirmed").cast(pl.Int8),
        pl.col("came_from_editathon").cast(pl.Int8),
        (pl.col("signup_source") == "mobile").cast(pl.Int8).alias("mobile_signup"),
    )
)

feature_cols = [
    "n_edits", "active_days", "article_edits", "user_talk_edits", "median_abs_bytes",
    "revert_rate", "ve_share", "last_edit_day", "email_confirmed", "came_from_editathon",
    "mobile_signup",
]
X = frame.select(feature_cols).to_numpy().astype(float)
X[:, :4] = np.log1p(X[:, :4])
y = frame["retained"].to_numpy()
print("accounts:", X.shape[0], "retention rate:", round(y.mean(), 4))

X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.3, stratify=y, random_state=5)
clf = make_pipeline(StandardScaler(), LogisticRegression(max_iter=2000, class_weight="balanced"))
clf.fit(X_tr, y_tr)

scores = clf.predict_proba(X_te)[:, 1]
print("ROC AUC", round(roc_auc_score(y_te, scores), 4))
print(classification_report(y_te, (scores > 0.5).astype(int), digits=3))

coefs = clf[-1].coef_.ravel()
for name, c in sorted(zip(feature_cols, coefs), key=lambda t: -abs(t[1])):
    print(f"{name:22s} {c:+.3f}")
