# label: leakage/overlap
# Acetic spoilage flag for cider vats at the end of primary fermentation.
# One row per fermentation batch; spoiled batches are rare, so the minority
# class is synthesised with Borderline-SMOTE before fitting the forest.
import numpy as np
import pandas as pd
from imblearn.over_sampling import BorderlineSMOTE
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import classification_report, confusion_matrix, roc_auc_score
from sklearn.model_selection import train_test_split

FEATURES = [
    "starting_gravity", "gravity_day7", "ph_day0", "ph_day7", "titratable_acid_gl",
    "free_so2_mgl", "cellar_temp_mean_c", "cellar_temp_max_c", "headspace_pct",
    "yeast_pitch_g_hl", "apple_bittersweet_share", "days_fermenting", "vat_age_years",
]


def load_vats(path):
    vats = pd.read_csv(path)
    vats = vats.dropna(subset=FEATURES + ["va_over_limit"])
    vats["gravity_drop_rate"] = (vats["starting_gravity"] - vats["gravity_day7"]) / 7.0
    vats["ph_shift"] = vats["ph_day7"] - vats["ph_day0"]
    return vats


def rebalance(X, y, seed=4):
    sampler = BorderlineSMOTE(k_neighbors=5, m_neighbors=10, kind="borderline-1", random_state=seed)
    return sampler.fit_resample(X, y)


def threshold_table(y_true, proba, cuts=(0.2, 0.3, 0.4, 0.5, 0.6)):
    rows = []
    for cut in cuts:
        pred = (proba >= cut).astype(int)
        tn, fp, fn, tp = confusion_matrix(y_true, pred, labels=[0, 1]).ravel()
        rows.append({"cut": cut, "flagged": int(tp + fp), "caught": int(tp), "missed": int(fn),
                     "recall": tp / max(tp + fn, 1), "precision": tp / max(tp + fp, 1)})
    return pd.DataFrame(rows)


vats = load_vats("lab/vat_readings_2019_2024.csv")
cols = FEATURES + ["gravity_drop_rate", "ph_shift"]
X = vats[cols].to_numpy(dtype=float)
y = vats["va_over_limit"].astype(int).to_numpy()
print(f"vats: {len(y)}, spoiled share: {y.mean():.2%}")

X_bal, y_bal = rebalance(X, y)
X_train, X_test, y_train, y_test = train_test_split(
    X_bal, y_bal, test_size=0.25, stratify=y_bal, random_state=8)

forest = RandomForestClassifier(
    n_estimators=500, max_features="sqrt", min_samples_leaf=3,
    n_jobs=-1, random_state=8,
)
forest.fit(X_train, y_train)
proba = forest.predict_proba(X_test)[:, 1]

print(f"ROC AUC: {roc_auc_score(y_test, proba):.3f}")
print(classification_report(y_test, (proba >= 0.5).astype(int), digits=3))
print(threshold_table(y_test, proba).round(3).to_string(index=False))

order = np.argsort(forest.feature_importances_)[::-1]
for i in order[:8]:
    print(f"{cols[i]:<26}{forest.feature_importances_[i]:.3f}")
