# label: leakage/none
# twin: sel_v14_road_accident_threshold__leaky.py
# source: hand-written for ai-ci held-out v14 (Apache-2.0)
"""Flag road accidents likely to be severe (fatal / serious) for the triage dashboard."""
import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.metrics import f1_score, precision_score, recall_score, roc_auc_score
from sklearn.model_selection import cross_val_predict, train_test_split

CSV = "data/road_safety/accidents_2019_2022.csv"
CATEGORICAL = ["road_type", "weather", "light_conditions", "surface", "urban_rural", "junction_detail"]
NUMERIC = ["speed_limit", "n_vehicles", "hour", "day_of_week", "month", "lat", "lon"]

LGB_PARAMS = dict(
    n_estimators=600,
    learning_rate=0.03,
    num_leaves=63,
    min_child_samples=40,
    subsample=0.8,
    subsample_freq=1,
    colsample_bytree=0.8,
    class_weight="balanced",
    random_state=2024,
    verbose=-1,
)


def prepare(path):
    df = pd.read_csv(path, parse_dates=["date"])
    df["hour"] = pd.to_datetime(df["time"], format="%H:%M", errors="coerce").dt.hour
    df["day_of_week"] = df["date"].dt.dayofweek
    df["month"] = df["date"].dt.month
    df["severe"] = df["severity"].isin(["fatal", "serious"]).astype(int)
    for col in CATEGORICAL:
        df[col] = df[col].astype("category")
    return df[CATEGORICAL + NUMERIC], df["severe"]


def best_threshold(y_true, proba, grid=np.linspace(0.05, 0.95, 91)):
    scores = [f1_score(y_true, (proba >= t).astype(int)) for t in grid]
    i = int(np.argmax(scores))
    return grid[i], scores[i]


def report(y_true, proba, threshold):
    pred = (proba >= threshold).astype(int)
    print(f"threshold  {threshold:.2f}")
    print(f"ROC AUC    {roc_auc_score(y_true, proba):.4f}")
    print(f"precision  {precision_score(y_true, pred):.4f}")
    print(f"recall     {recall_score(y_true, pred):.4f}")
    print(f"F1         {f1_score(y_true, pred):.4f}")
    print(f"flagged    {pred.mean():.1%} of accidents")


if __name__ == "__main__":
    X, y = prepare(CSV)
    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=0.2, stratify=y, random_state=2024
    )
    print(f"train {len(X_train):,}  test {len(X_test):,}  severe rate {y.mean():.2%}")

    oof_proba = cross_val_predict(
        lgb.LGBMClassifier(**LGB_PARAMS), X_train, y_train, cv=5, method="predict_proba"
    )[:, 1]
    threshold, _ = best_threshold(y_train, oof_proba)

    clf = lgb.LGBMClassifier(**LGB_PARAMS)
    clf.fit(X_train, y_train)
    test_proba = clf.predict_proba(X_test)[:, 1]
    report(y_test, test_proba, threshold)
