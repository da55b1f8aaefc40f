# label: leakage/selection
# twin: sel_v16_ferry_threshold__fixed.py
# source: hand-written for ai-ci held-out v16 (Apache-2.0)
import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score, precision_score, recall_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

CONFIG = {
    "path": "data/ferry_sailings.csv",
    "target": "late_departure",
    "numeric": ["wind_kts", "wave_height_m", "vehicles_booked", "foot_passengers", "turnaround_min"],
    "categorical": ["route", "vessel", "weekday"],
    "test_size": 0.2,
}


def load(cfg):
    df = pd.read_csv(cfg["path"], parse_dates=["sailing_time"])
    df = df.dropna(subset=[cfg["target"]]).sort_values("sailing_time")
    return df[cfg["numeric"] + cfg["categorical"]], df[cfg["target"]].astype(int)


def build_model(cfg):
    pre = ColumnTransformer([
        ("num", StandardScaler(), cfg["numeric"]),
        ("cat", OneHotEncoder(handle_unknown="ignore"), cfg["categorical"]),
    ])
    clf = LogisticRegression(max_iter=2000, class_weight="balanced")
    return Pipeline([("pre", pre), ("clf", clf)])


def best_threshold(y_true, proba, grid):
    scores = {float(t): f1_score(y_true, (proba >= t).astype(int)) for t in grid}
    return max(scores, key=scores.get), scores


def report(y_true, y_pred):
    return {
        "f1": f1_score(y_true, y_pred),
        "precision": precision_score(y_true, y_pred, zero_division=0),
        "recall": recall_score(y_true, y_pred),
    }


def main(cfg=CONFIG):
    X, y = load(cfg)
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=cfg["test_size"], shuffle=False)
    model = build_model(cfg)
    model.fit(X_train, y_train)

    grid = np.linspace(0.1, 0.9, 33)
    test_proba = model.predict_proba(X_test)[:, 1]
    threshold, scores = best_threshold(y_test, test_proba, grid)
    print(f"chosen threshold: {threshold:.3f} (grid of {len(scores)})")

    metrics = report(y_test, (test_proba >= threshold).astype(int))
    for name, value in metrics.items():
        print(f"test {name}: {value:.3f}")
    return metrics


if __name__ == "__main__":
    main()
