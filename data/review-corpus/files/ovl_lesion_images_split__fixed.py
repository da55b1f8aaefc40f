# label: leakage/none
# twin: ovl_lesion_images_split__leaky.py
# source: hand-written for ai-ci held-out v3 (Apache-2.0)
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import GroupShuffleSplit

# one row per dermoscopy image; most lesions were photographed several times,
# and patient_id / lesion_id say which images belong together
meta = pd.read_csv("lesion_image_features.csv")
feature_cols = [c for c in meta.columns if c.startswith("cnn_")]

splitter = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=7)
train_idx, test_idx = next(splitter.split(meta, meta["malignant"], groups=meta["patient_id"]))
train_df, test_df = meta.iloc[train_idx], meta.iloc[test_idx]

clf = RandomForestClassifier(n_estimators=500, min_samples_leaf=2, n_jobs=-1, random_state=7)
clf.fit(train_df[feature_cols], train_df["malignant"])
proba = clf.predict_proba(test_df[feature_cols])[:, 1]
print(f"test ROC AUC: {roc_auc_score(test_df['malignant'], proba):.3f} on {test_df['patient_id'].nunique()} patients")
