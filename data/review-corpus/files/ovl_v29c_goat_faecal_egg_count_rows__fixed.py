# label: leakage/none
# Screening meat goats for high worm burden (FEC >= 1000 epg) from on-farm checks,
# so that new bucks/does arriving on the farm can be flagged for treatment
# before a lab egg count comes back.
import joblib
import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import make_scorer, recall_score
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder
from sklearn.model_selection import StratifiedGroupKFold, cross_validate

records = pd.read_csv("data/fec_samplings_2018_2024.csv", parse_dates=["sample_date"])
goats = pd.read_csv("data/herd_register.csv", parse_dates=["birth_date"])
df = records.merge(goats[["goat_id", "breed", "sex", "birth_date", "farm"]],
                   on="goat_id", how="left")

df = df[df["epg"].notna() & df["famacha"].between(1, 5)]
df["age_months"] = (df["sample_date"] - df["birth_date"]).dt.days / 30.44
df["high_shedder"] = (df["epg"] >= 1000).astype(int)
df["month"] = df["sample_date"].dt.month
df["wet_season"] = df["month"].isin([4, 5, 6, 9, 10]).astype(int)
df["kidding_recent"] = (df["days_since_kidding"].fillna(999) < 60).astype(int)

CAT = ["breed", "sex", "farm"]
NUM = ["famacha", "bcs", "weight_kg", "dag_score", "pcv", "age_months",
       "month", "wet_season", "kidding_recent", "coughing", "nasal_discharge"]
df[["pcv", "dag_score"]] = df[["pcv", "dag_score"]].fillna(-1)

X = df[CAT + NUM]
y = df["high_shedder"].to_numpy()
groups = df["goat_id"].to_numpy()
print(f"{len(df)} samplings from {df['goat_id'].nunique()} goats, "
      f"{y.mean():.1%} high shedders")

rf = Pipeline([
    ("onehot", ColumnTransformer(
        [("cat", OneHotEncoder(handle_unknown="ignore", sparse_output=False), CAT)],
        remainder="passthrough", verbose_feature_names_out=False)),
    ("forest", RandomForestClassifier(
        n_estimators=500, min_samples_leaf=5, max_features="sqrt",
        class_weight="balanced", n_jobs=-1, random_state=3)),
])
cv = StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=3)
scores = cross_validate(
    rf, X, y, cv=cv, groups=groups,
    scoring={"auc": "roc_auc",
             "sens": make_scorer(recall_score),
             "spec": make_scorer(recall_score, pos_label=0)},
)
for k in ("auc", "sens", "spec"):
    v = scores[f"test_{k}"]
    print(f"{k:>4}: {np.mean(v):.3f} +/- {np.std(v):.3f}")

rf.fit(X, y)
feature_names = rf.named_steps["onehot"].get_feature_names_out()
imp = pd.Series(rf.named_steps["forest"].feature_importances_, index=feature_names)
print(imp.sort_values(ascending=False).head(12).round(3))
joblib.dump({"model": rf, "features": CAT + NUM}, "models/fec_screen_rf.joblib")
