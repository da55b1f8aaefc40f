# label: leakage/selection
# twin: sel_r13b_solar_flare_family_config__fixed.py
# source: hand-written for ai-ci, tuning part of round 13 (Apache-2.0)
"""Predict whether a solar active region produces an M/X-class flare within 24 h.

One row per HARP active region (SHARP magnetic parameters taken 24 h before
the forecast window). Two model families are tuned and the better one is kept.
"""
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import balanced_accuracy_score, classification_report
from sklearn.model_selection import GridSearchCV, StratifiedKFold, train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

SEARCH_SPACE = {
    "logreg": {
        "estimator": make_pipeline(
            StandardScaler(), LogisticRegression(max_iter=2000, class_weight="balanced")
        ),
        "grid": {"logisticregression__C": [0.01, 0.1, 1.0, 10.0]},
    },
    "forest": {
        "estimator": RandomForestClassifier(class_weight="balanced_subsample", random_state=7),
        "grid": {"n_estimators": [300, 600], "max_depth": [6, 12, None], "min_samples_leaf": [1, 5]},
    },
}

regions = pd.read_csv("data/sharp_regions.csv").drop_duplicates(subset="harp_num")
features = [c for c in regions.columns if c.startswith("sharp_")]
X, y = regions[features], regions["flare_mx_24h"]
X_train, X_test, y_train, y_test = train_test_split(
    X, y, test_size=0.25, stratify=y, random_state=7
)
cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=7)

results = {}
for name, cfg in SEARCH_SPACE.items():
    search = GridSearchCV(
        cfg["estimator"], cfg["grid"], scoring="balanced_accuracy", cv=cv, refit=True, n_jobs=-1
    )
    search.fit(X_train, y_train)
    test_ba = balanced_accuracy_score(y_test, search.predict(X_test))
    results[name] = {"search": search, "score": test_ba}
    print(f"{name:>7}: {search.best_params_}  test BA={test_ba:.3f}")

best_name = max(results, key=lambda n: results[n]["score"])
best_model = results[best_name]["search"].best_estimator_
print(f"Selected family: {best_name}")
print(classification_report(y_test, best_model.predict(X_test), digits=3))
print(f"Balanced accuracy on held-out regions: {results[best_name]['score']:.3f}")
