# label: leakage/none
"""Score applicants right after the recruiter phone screen: how likely is a hire?

Source: ATS export (one row per application) joined with the requisition table.
"""
import pandas as pd
import matplotlib.pyplot as plt
from sklearn.compose import ColumnTransformer, make_column_selector
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.impute import SimpleImputer
from sklearn.metrics import RocCurveDisplay, roc_auc_score, brier_score_loss
from sklearn.model_selection import train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder

ID_COLS = ["application_id", "candidate_id", "requisition_id"]
DATE_COLS = ["applied_at", "screen_at", "closed_at"]
DROP = ID_COLS + DATE_COLS + ["status", "recruiter_notes", "background_check_vendor", "hired"]


def load(path_apps, path_reqs):
    apps = pd.read_csv(path_apps, parse_dates=["applied_at", "screen_at", "closed_at"])
    reqs = pd.read_csv(path_reqs)
    df = apps.merge(reqs, on="requisition_id", how="left")
    df = df[df["screen_at"].notna() & df["status"].isin(["hired", "rejected", "withdrew"])]
    df["hired"] = (df["status"] == "hired").astype(int)
    df["days_to_screen"] = (df["screen_at"] - df["applied_at"]).dt.days
    df["applied_month"] = df["applied_at"].dt.month
    df["salary_gap"] = df["expected_salary"] / df["band_midpoint"] - 1
    df["background_check_vendor"] = df["background_check_vendor"].fillna("none")
    return df


apps = load("data/ats_applications.csv", "data/requisitions.csv")
print(apps["hired"].mean().round(3), len(apps))

features = apps.drop(columns=[c for c in DROP if c in apps.columns])
print(sorted(features.columns))
target = apps["hired"]

prep = ColumnTransformer([
    ("num", SimpleImputer(strategy="median"), make_column_selector(dtype_include="number")),
    ("cat", OneHotEncoder(handle_unknown="ignore", min_frequency=30, sparse_output=False),
     make_column_selector(dtype_include=object)),
])

model = Pipeline([
    ("prep", prep),
    ("gbm", HistGradientBoostingClassifier(max_iter=250, learning_rate=0.05, max_leaf_nodes=31, random_state=0)),
])

X_tr, X_te, y_tr, y_te = train_test_split(features, target, test_size=0.25, stratify=target, random_state=12)
model.fit(X_tr, y_tr)
p = model.predict_proba(X_te)[:, 1]
print(f"AUC {roc_auc_score(y_te, p):.3f}  Brier {brier_score_loss(y_te, p):.4f}")

by_source = pd.DataFrame({"source": X_te["source_channel"], "y": y_te, "p": p}).groupby("source")
print(by_source.agg(n=("y", "size"), hire_rate=("y", "mean"), mean_score=("p", "mean")).round(3))

RocCurveDisplay.from_predictions(y_te, p)
plt.title("post-screen hire model")
plt.savefig("figures/hire_roc.png", dpi=100)
