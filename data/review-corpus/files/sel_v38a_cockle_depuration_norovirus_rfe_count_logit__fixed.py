# label: leakage/none
# Norovirus detection in depurated cockle lots.
# Each row is one lot released from a depuration centre; the outcome is a
# positive RT-qPCR result on the end-product sample.
import numpy as np
import pandas as pd
from sklearn.feature_selection import RFE
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import brier_score_loss, confusion_matrix, roc_auc_score
from sklearn.model_selection import StratifiedKFold, cross_val_score, train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler

lots = pd.read_csv("depuration_lots_2019_2024.csv", parse_dates=["harvest_date"])
lots = lots[lots["pcr_result"].isin(["positive", "negative"])].copy()
lots["noro_positive"] = (lots["pcr_result"] == "positive").astype(int)

# harvest area classification under the shellfish hygiene regulations
lots["area_class_num"] = lots["area_class"].map({"A": 0, "B": 1, "C": 2})
lots["winter"] = lots["harvest_date"].dt.month.isin([11, 12, 1, 2, 3]).astype(int)
lots["log_ecoli_mpn"] = np.log10(lots["ecoli_mpn_100g"].clip(lower=18))

features = [
    "area_class_num",
    "winter",
    "log_ecoli_mpn",
    "rain_72h_mm",
    "rain_7d_mm",
    "sewage_overflow_hours_7d",
    "river_flow_m3s",
    "water_temp_c",
    "salinity_psu",
    "uv_dose_mj_cm2",
    "depuration_hours",
    "tank_load_kg_m2",
    "lot_size_kg",
]
lots = lots.dropna(subset=features)
X = lots[features]
y = lots["noro_positive"]
print(f"{len(lots)} lots, positive rate {y.mean():.3f}")

X_train, X_test, y_train, y_test = train_test_split(
    X, y, test_size=0.25, stratify=y, random_state=11
)
cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=11)


def make_pipeline(n_keep):
    return Pipeline([
        ("scale", StandardScaler()),
        ("rfe", RFE(LogisticRegression(max_iter=2000), n_features_to_select=n_keep)),
        ("clf", LogisticRegression(max_iter=2000, class_weight="balanced")),
    ])


scores = {}
for n_keep in range(3, len(features) + 1):
    pipe = make_pipeline(n_keep)
    scores[n_keep] = cross_val_score(pipe, X_train, y_train, cv=cv, scoring="roc_auc").mean()
    print(f"{n_keep:2d} features: auc={scores[n_keep]:.4f}")

best_n = max(scores, key=scores.get)
model = make_pipeline(best_n).fit(X_train, y_train)
kept = [f for f, keep in zip(features, model.named_steps["rfe"].support_) if keep]
print(f"\nkeeping {best_n} features: {kept}")

proba = model.predict_proba(X_test)[:, 1]
pred = (proba >= 0.5).astype(int)
print(f"test ROC AUC: {roc_auc_score(y_test, proba):.4f}")
print(f"test Brier:   {brier_score_loss(y_test, proba):.4f}")
tn, fp, fn, tp = confusion_matrix(y_test, pred).ravel()
print(f"sensitivity {tp / (tp + fn):.3f}  specificity {tn / (tn + fp):.3f}")

coefs = pd.Series(model.named_steps["clf"].coef_[0], index=kept).sort_values()
print(coefs.round(3).to_string())
