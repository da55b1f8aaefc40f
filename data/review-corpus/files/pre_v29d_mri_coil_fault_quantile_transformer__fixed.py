# label: leakage/none
# Receive-coil faults across the imaging network.
# One row per coil: summary of the last 90 days of daily phantom QA, labelled with
# whether the coil was swapped out for a fault in the following 30 days.
import numpy as np
import pandas as pd
from sklearn.preprocessing import QuantileTransformer
from sklearn.model_selection import train_test_split
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score, brier_score_loss, precision_recall_curve

qa = pd.read_csv("qa_exports/coil_qa_summary_90d.csv")
qa = qa[qa["n_qa_days"] >= 30].reset_index(drop=True)

qa["snr_drop"] = (qa["snr_first_week"] - qa["snr_last_week"]) / qa["snr_first_week"]
qa["ghost_trend"] = qa["ghost_pct_slope"] * 90
qa["element_spread"] = qa["element_snr_max"] / qa["element_snr_min"].clip(lower=1e-3)
qa["plugs_per_day"] = qa["connector_cycles"] / qa["n_qa_days"]

NUMERIC = ["snr_mean", "snr_cv", "snr_drop", "ghost_pct_mean", "ghost_trend",
           "uniformity_mean", "uniformity_min", "element_spread", "n_dropout_events",
           "coil_age_months", "plugs_per_day", "room_temp_sd", "field_strength_t"]
COIL_MODELS = ["head_20ch", "head_64ch", "body_18ch", "spine_32ch", "knee_15ch", "flex_4ch"]

X_raw = qa[NUMERIC].fillna(0.0).to_numpy()
y = qa["fault_30d"].to_numpy()

coil_type = pd.get_dummies(pd.Categorical(qa["coil_model"], categories=COIL_MODELS),
                           prefix="model", dtype=float).to_numpy()

Xn_train, Xn_test, C_train, C_test, y_train, y_test = train_test_split(
    X_raw, coil_type, y, test_size=0.25, stratify=y, random_state=17)

# heavy-tailed QA metrics -> gaussianise before the linear model
qt = QuantileTransformer(n_quantiles=500, output_distribution="normal", random_state=0)
X_train = np.hstack([qt.fit_transform(Xn_train), C_train])
X_test = np.hstack([qt.transform(Xn_test), C_test])

clf = LogisticRegression(C=0.5, penalty="l2", class_weight="balanced", max_iter=5000)
clf.fit(X_train, y_train)

p = clf.predict_proba(X_test)[:, 1]
print(f"coils in test: {len(y_test)}, faults: {y_test.sum()}")
print(f"ROC AUC {roc_auc_score(y_test, p):.3f}")
print(f"Brier  {brier_score_loss(y_test, p):.4f}")

prec, rec, thr = precision_recall_curve(y_test, p)
for target_recall in (0.9, 0.75, 0.5):
    k = np.where(rec[:-1] >= target_recall)[0][-1]
    print(f"recall>={target_recall:.2f}: precision {prec[k]:.2f} at p>={thr[k]:.2f}")

names = NUMERIC + [f"model_{m}" for m in COIL_MODELS]
print(pd.Series(clf.coef_[0], index=names).sort_values(key=abs, ascending=False).round(3).head(10))
