# label: leakage/none
# twin: pre_r13b_ebook_mi_partial_select__leaky.py
# source: hand-written for ai-ci, tuning part of round 13 (Apache-2.0)
"""E-book reading completion: will a reader finish a book within 90 days?

Rows are (reader, book) pairs described by first-week reading behaviour plus
reader and book attributes. About 80 candidate features; the 15 most
informative ones are kept. Readers are grouped across folds.
"""
from functools import partial

import numpy as np
import pandas as pd
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.feature_selection import SelectKBest, mutual_info_classif
from sklearn.model_selection import GroupKFold, cross_val_score
from sklearn.pipeline import Pipeline

PREFIXES = ("wk1_", "book_", "reader_")

reads = pd.read_csv("data/ebook_reads.csv").drop_duplicates(subset=["reader_id", "book_id"])
features = [c for c in reads.columns if c.startswith(PREFIXES)]
X = reads[features].fillna(0.0).to_numpy()
y = reads["completed_90d"].to_numpy()
readers = reads["reader_id"].to_numpy()

mi_score = partial(mutual_info_classif, discrete_features=False, n_neighbors=5, random_state=0)
# selection is refitted inside every training fold
pipe = Pipeline([
    ("select", SelectKBest(score_func=mi_score, k=15)),
    ("model", HistGradientBoostingClassifier(learning_rate=0.05, max_iter=300, random_state=0)),
])
auc = cross_val_score(pipe, X, y, groups=readers,
                      cv=GroupKFold(n_splits=5), scoring="roc_auc")

print(f"{len(reads)} reads, {len(np.unique(readers))} readers, {len(features)} candidate features")
print("fold AUC:", np.round(auc, 3))
print(f"mean AUC {auc.mean():.3f} +/- {auc.std():.3f}")
