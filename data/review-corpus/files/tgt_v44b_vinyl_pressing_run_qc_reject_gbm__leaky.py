# label: leakage/target
import numpy as np
import pandas as pd
from sklearn.ensemble import GradientBoostingClassifier
from sklearn.metrics import classification_report, roc_auc_score
from sklearn.model_selection import GridSearchCV, StratifiedKFold, train_test_split

RUNS_PATH = "data/pressing_runs_2023_2024.csv"
PRESSES = ["P1", "P2", "P3", "P4", "P5", "P6"]  # two Toolex, four WarmTone

PRESS_SETTINGS = [
    "steam_pressure_bar", "cycle_time_s", "cooling_time_s", "mould_temp_c",
    "puck_weight_g", "extruder_temp_c", "trim_speed",
]
MATERIAL = ["regrind_pct", "compound_lot_age_days", "coloured_vinyl", "pvc_k_value"]
TOOLING = ["stamper_cycles", "stamper_nickel_um", "press_hours_since_service"]
CONTEXT = ["ambient_humidity_pct", "run_length", "scrap_kg", "label_paper_moisture_pct"]


def load_runs(path):
    runs = pd.read_csv(path, parse_dates=["run_start"])
    runs = runs[runs["run_length"] >= 100].copy()
    # QC reject: the run failed the test-pressing listen or the visual sample
    runs["rejected"] = (runs["qc_outcome"] == "reject").astype(int)
    runs["coloured_vinyl"] = (runs["vinyl_colour"] != "black").astype(int)
    runs["press_id"] = runs["press_id"].astype(str)
    return runs


def add_press_dummies(runs):
    cols = []
    for press in PRESSES:
        runs[f"press_{press}"] = (runs["press_id"] == press).astype(float)
        cols.append(f"press_{press}")
    return runs, cols


def tune(X, y, seed=13):
    grid = {
        "n_estimators": [200, 400],
        "max_depth": [2, 3, 4],
        "learning_rate": [0.03, 0.1],
        "subsample": [0.8, 1.0],
    }
    search = GridSearchCV(
        GradientBoostingClassifier(random_state=seed),
        grid,
        scoring="roc_auc",
        cv=StratifiedKFold(n_splits=5, shuffle=True, random_state=seed),
        n_jobs=-1,
    )
    search.fit(X, y)
    print("best params:", search.best_params_, f"cv auc {search.best_score_:.3f}")
    return search.best_estimator_


def main():
    runs = load_runs(RUNS_PATH)
    runs, press_cols = add_press_dummies(runs)
    features = PRESS_SETTINGS + MATERIAL + TOOLING + CONTEXT + press_cols
    runs = runs.dropna(subset=features)
    print(f"{len(runs)} runs, reject rate {runs['rejected'].mean():.3f}")

    X_train, X_test, y_train, y_test = train_test_split(
        runs[features], runs["rejected"], test_size=0.2,
        stratify=runs["rejected"], random_state=13,
    )
    model = tune(X_train, y_train)

    proba = model.predict_proba(X_test)[:, 1]
    print(f"test ROC AUC: {roc_auc_score(y_test, proba):.3f}")
    print(classification_report(y_test, (proba >= 0.5).astype(int), digits=3))

    imp = pd.Series(model.feature_importances_, index=features).sort_values(ascending=False)
    print(imp.head(10).round(3).to_string())

    # how many rejected runs we would have stopped by holding the top 10 % for re-check
    k = int(np.ceil(0.1 * len(proba)))
    top = np.argsort(-proba)[:k]
    print(f"rejects caught in top 10%: {y_test.to_numpy()[top].sum()} / {y_test.sum()}")


if __name__ == "__main__":
    main()
