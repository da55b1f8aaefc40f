# label: leakage/preprocessing
"""Predict which surveyed dry stone wall sections collapse before the next resurvey."""
import numpy as np
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.feature_selection import SelectFromModel
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

sections = pd.read_csv("wall_sections_survey_2019.csv")
photo = pd.read_parquet("section_photo_features.parquet")
site = pd.read_csv("site_conditions.csv")

df = sections.merge(photo, on="section_id", how="inner").merge(site, on="site_id", how="left")
df = df[df["length_m"] >= 2].copy()
df["lean_per_m_height"] = df["lean_mm"] / df["height_m"].clip(lower=0.3)
df["coping_missing_frac"] = df["coping_missing_m"] / df["length_m"]
df["bulge_ratio"] = df["max_bulge_mm"] / (df["base_width_mm"] + 1)
df["is_livestock"] = df["adjacent_use"].isin(["sheep", "cattle"]).astype(int)
df = pd.get_dummies(df, columns=["stone_type", "construction"], dtype=float)

num_cols = df.drop(columns=["section_id", "site_id", "collapsed_by_2023"]).select_dtypes("number").columns
X = df[num_cols].fillna(0.0)
y = df["collapsed_by_2023"].astype(int)
print(f"{X.shape[1]} candidate features, collapse rate {y.mean():.3f}")

# keep the informative columns before modelling
selector = SelectFromModel(
    RandomForestClassifier(n_estimators=400, min_samples_leaf=3, class_weight="balanced", random_state=4),
    threshold="1.25*median",
)
selector.fit(X, y)
kept = X.columns[selector.get_support()]
print(f"kept {len(kept)} features")
X = X[kept]

X_train, X_test, y_train, y_test = train_test_split(
    X, y, test_size=0.3, stratify=y, random_state=4
)
model = make_pipeline(
    StandardScaler(),
    LogisticRegression(C=0.5, class_weight="balanced", max_iter=3000),
)
model.fit(X_train, y_train)

proba = model.predict_proba(X_test)[:, 1]
print(f"test ROC AUC: {roc_auc_score(y_test, proba):.4f}")
print(f"test PR AUC:  {average_precision_score(y_test, proba):.4f}")

coefs = pd.Series(model[-1].coef_[0], index=kept).sort_values(key=np.abs, ascending=False)
print(coefs.head(12).round(3))

top_decile = proba >= np.quantile(proba, 0.9)
print(f"collapse rate in top risk decile: {y_test[top_decile].mean():.3f}")
