# label: leakage/none
# Offline signature verification: genuine vs skilled forgery.
# Features are pre-extracted (HOG + LBP + stroke-width stats) from the scanned
# signature crops; the bank wants a model that works for newly enrolled customers.
import numpy as np
import pandas as pd
from sklearn.decomposition import PCA
from sklearn.metrics import classification_report, roc_auc_score, roc_curve
from sklearn.model_selection import GridSearchCV, GroupShuffleSplit, StratifiedGroupKFold
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVC

feats = np.load("features/signature_hog_lbp.npy")          # (n_images, 1152)
meta = pd.read_csv("features/signature_index.csv")          # row-aligned with feats
assert len(meta) == len(feats)

stroke = meta[["mean_stroke_px", "std_stroke_px", "ink_ratio", "aspect", "n_components"]].to_numpy()
X = np.hstack([feats, stroke])
y = (meta["kind"] == "forgery").astype(int).to_numpy()
writers = meta["writer_id"].to_numpy()

print(meta.groupby("writer_id").size().describe())
print("forgery share:", y.mean().round(3))

gss = GroupShuffleSplit(n_splits=1, test_size=0.25, random_state=5)
train_idx, test_idx = next(gss.split(X, y, groups=writers))
X_train, X_test = X[train_idx], X[test_idx]
y_train, y_test = y[train_idx], y[test_idx]
g_train = writers[train_idx]

pipe = Pipeline([
    ("scale", StandardScaler()),
    ("pca", PCA(n_components=0.95, svd_solver="full")),
    ("svc", SVC(kernel="rbf", probability=True, class_weight="balanced")),
])
grid = GridSearchCV(
    pipe,
    {"svc__C": [0.5, 2, 8, 32], "svc__gamma": ["scale", 1e-3, 3e-4]},
    cv=StratifiedGroupKFold(n_splits=4, shuffle=True, random_state=5),
    scoring="roc_auc",
    n_jobs=-1,
)
grid.fit(X_train, y_train, groups=g_train)
print("cv auc:", round(grid.best_score_, 4), grid.best_params_)

proba = grid.predict_proba(X_test)[:, 1]
print("test ROC AUC:", round(roc_auc_score(y_test, proba), 4))

# equal error rate, the number the verification team reports
fpr, tpr, _ = roc_curve(y_test, proba)
fnr = 1 - tpr
i = np.nanargmin(np.abs(fnr - fpr))
print(f"EER ~ {(fpr[i] + fnr[i]) / 2:.3%}")
print(classification_report(y_test, (proba > 0.5).astype(int), target_names=["genuine", "forgery"]))
