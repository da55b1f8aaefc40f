# label: leakage/selection
# twin: sel_bearing_faults__fixed.py
# source: hand-written for ai-ci held-out v11 (Apache-2.0)
import itertools
import pandas as pd
from sklearn.svm import SVC
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.model_selection import train_test_split
from sklearn.metrics import balanced_accuracy_score

df = pd.read_csv("data/bearing_vibration_features.csv")
groups = {
    "time": ["rms", "kurtosis", "crest_factor", "skewness"],
    "freq": ["bpfo_amp", "bpfi_amp", "bsf_amp", "ftf_amp"],
    "envelope": ["env_rms", "env_peak", "env_kurtosis"],
    "thermal": ["housing_temp", "oil_temp"],
}
y = df["fault_type"]

train_idx, test_idx = train_test_split(df.index, test_size=0.25, stratify=y, random_state=0)


def evaluate(cols, fit_idx, eval_idx):
    pipe = Pipeline([("scale", StandardScaler()), ("svm", SVC(C=10, gamma="scale"))])
    pipe.fit(df.loc[fit_idx, cols], y[fit_idx])
    return balanced_accuracy_score(y[eval_idx], pipe.predict(df.loc[eval_idx, cols]))


results = []
for k in range(1, len(groups) + 1):
    for combo in itertools.combinations(groups, k):
        cols = [c for g in combo for c in groups[g]]
        results.append((evaluate(cols, train_idx, test_idx), combo))

best_score, best_combo = max(results)
print("best feature groups:", best_combo, f"balanced accuracy on test = {best_score:.3f}")
