# label: leakage/none
# Fire debris casework: passive headspace GC-MS peak table -> analyst call on ignitable
# liquid residue (ILR). One row per debris can; ~240 integrated compounds and ratios.
import numpy as np
import pandas as pd
from sklearn.feature_selection import SelectKBest, f_classif
from sklearn.metrics import make_scorer, balanced_accuracy_score, recall_score
from sklearn.model_selection import StratifiedGroupKFold, cross_validate
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVC

peaks = pd.read_csv("data/debris_cans_gcms_peaks.csv", index_col="can_id")
casework = pd.read_csv("data/debris_cans_casework.csv", index_col="can_id")

cans = peaks.join(casework[["ilr_positive", "case_id", "substrate", "report_status"]], how="inner")
cans = cans[cans["report_status"] == "final"]
print(f"{len(cans)} cans from {cans['case_id'].nunique()} cases, ILR positive {cans['ilr_positive'].mean():.1%}")

compound_cols = [c for c in peaks.columns if c.startswith("cmp_")]
# areas relative to the deuterated internal standard; log scale tames the tails
X = np.log1p(cans[compound_cols].clip(lower=0))
y = cans["ilr_positive"].astype(int).to_numpy()
cases = cans["case_id"].to_numpy()
print(f"{X.shape[1]} compounds in the compound list")

K = 25
model = Pipeline([
    ("scale", StandardScaler()),
    ("select", SelectKBest(score_func=f_classif, k=K)),
    ("svc", SVC(kernel="rbf", C=3.0, gamma="scale", class_weight="balanced")),
])

# several cans usually come from the same scene
cv = StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=21)
scoring = {
    "bal_acc": make_scorer(balanced_accuracy_score),
    "ilr_recall": make_scorer(recall_score),
    "roc_auc": "roc_auc",
}
res = cross_validate(model, X, y, groups=cases, cv=cv, scoring=scoring, n_jobs=-1)

for name in scoring:
    vals = res[f"test_{name}"]
    print(f"{name:>14}: {vals.mean():.3f} +/- {vals.std():.3f}")

model.fit(X, y)
selector = model.named_steps["select"]
chosen = X.columns[selector.get_support()]
scores = pd.Series(selector.scores_, index=X.columns).loc[chosen]
print("\nTop compounds by F-score:")
print(scores.sort_values(ascending=False).head(15).round(1).to_string())

by_substrate = cans.groupby("substrate")["ilr_positive"].agg(["count", "mean"])
print("\nILR positive rate by substrate:")
print(by_substrate.round(3).to_string())
