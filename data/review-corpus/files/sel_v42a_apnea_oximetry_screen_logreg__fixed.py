# label: leakage/none
"""Screen for moderate/severe sleep apnoea (AHI >= 15) from home oximetry summaries.

One row per referred patient; label comes from the in-lab polysomnography.
"""
import json

import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score, precision_score, recall_score, roc_auc_score
from sklearn.model_selection import cross_val_predict, train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

NUM_COLS = ["age", "bmi", "neck_cm", "odi_3pct", "odi_4pct", "t90_pct",
            "mean_spo2", "nadir_spo2", "pulse_rate_var", "epworth_score"]
CAT_COLS = ["sex", "snoring_reported", "hypertension"]


def load_cohort(path="data/oximetry_referrals.parquet"):
    df = pd.read_parquet(path)
    df = df[df["recording_hours"] >= 4.0].copy()
    df["osa_mod_sev"] = (df["psg_ahi"] >= 15).astype(int)
    return df


def build_model():
    pre = ColumnTransformer([
        ("num", Pipeline([("imp", SimpleImputer(strategy="median")),
                          ("sc", StandardScaler())]), NUM_COLS),
        ("cat", Pipeline([("imp", SimpleImputer(strategy="most_frequent")),
                          ("oh", OneHotEncoder(handle_unknown="ignore"))]), CAT_COLS),
    ])
    clf = LogisticRegression(C=0.5, max_iter=2000, class_weight="balanced")
    return Pipeline([("pre", pre), ("clf", clf)])


def best_threshold(y_true, proba):
    grid = np.linspace(0.05, 0.95, 91)
    scores = [f1_score(y_true, (proba >= t).astype(int)) for t in grid]
    return float(grid[int(np.argmax(scores))])


def summarise(y_true, proba, thr):
    pred = (proba >= thr).astype(int)
    return {
        "threshold": round(thr, 3),
        "auc": round(roc_auc_score(y_true, proba), 4),
        "f1": round(f1_score(y_true, pred), 4),
        "sensitivity": round(recall_score(y_true, pred), 4),
        "ppv": round(precision_score(y_true, pred), 4),
    }


def main():
    df = load_cohort()
    X = df[NUM_COLS + CAT_COLS]
    y = df["osa_mod_sev"]
    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=0.25, stratify=y, random_state=11
    )

    model = build_model()
    oof = cross_val_predict(model, X_train, y_train, cv=5, method="predict_proba")[:, 1]
    thr = best_threshold(y_train, oof)

    model.fit(X_train, y_train)
    proba_test = model.predict_proba(X_test)[:, 1]
    report = summarise(y_test, proba_test, thr)
    print(json.dumps(report, indent=2))

    coefs = pd.Series(model.named_steps["clf"].coef_[0],
                      index=model.named_steps["pre"].get_feature_names_out())
    print(coefs.sort_values(key=np.abs, ascending=False).head(8).round(3))

    with open("oximetry_screen_report.json", "w") as fh:
        json.dump(report, fh, indent=2)


if __name__ == "__main__":
    main()
