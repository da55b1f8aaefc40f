# label: leakage/none
"""Flag machine-translated segments that will need heavy post-editing by a linguist."""
import re

import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import classification_report, roc_auc_score
from sklearn.model_selection import GroupShuffleSplit
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

segments = pd.read_csv("mt_segments_2023.csv")
projects = pd.read_csv("projects.csv")[["project_id", "subject_area", "client_tier"]]
segments = segments.merge(projects, on="project_id", how="left")
segments = segments.dropna(subset=["source_text", "edit_distance_ratio"])
segments = segments[segments["segment_status"] == "signed_off"]
segments["heavy_edit"] = (segments["edit_distance_ratio"] > 0.35).astype(int)


def normalise(text):
    text = text.lower()
    text = re.sub(r"\d+", "0", text)
    text = re.sub(r"[^\w\s]", " ", text)
    return re.sub(r"\s+", " ", text).strip()


segments["src_norm"] = segments["source_text"].map(normalise)
segments["src_tokens"] = segments["src_norm"].str.split().str.len()
segments["has_placeholder"] = segments["source_text"].str.contains(r"\{\w+\}|%s|<\w+>").astype(int)
segments = segments[segments["src_tokens"] > 0]

TEXT, CATS = "src_norm", ["target_lang", "subject_area", "client_tier", "mt_engine"]
NUMS = ["src_tokens", "tm_fuzzy_pct", "mt_qe_score", "has_placeholder"]

# repeated source sentences (TM repetitions, other target languages) stay on one side
gss = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=1)
train_idx, test_idx = next(gss.split(segments, groups=segments["src_norm"]))
train, test = segments.iloc[train_idx], segments.iloc[test_idx]

features = ColumnTransformer([
    ("text", TfidfVectorizer(ngram_range=(1, 2), min_df=3, sublinear_tf=True), TEXT),
    ("cats", OneHotEncoder(handle_unknown="ignore"), CATS),
    ("nums", StandardScaler(), NUMS),
])
clf = Pipeline([
    ("features", features),
    ("lr", LogisticRegression(C=2.0, class_weight="balanced", max_iter=3000)),
])
clf.fit(train[[TEXT] + CATS + NUMS], train["heavy_edit"])

proba = clf.predict_proba(test[[TEXT] + CATS + NUMS])[:, 1]
print(f"segments: train {len(train)}, test {len(test)}")
print(f"test ROC AUC: {roc_auc_score(test['heavy_edit'], proba):.3f}")
print(classification_report(test["heavy_edit"], (proba >= 0.5).astype(int), digits=3))
