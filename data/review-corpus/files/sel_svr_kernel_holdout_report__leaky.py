# label: leakage/selection
# twin: sel_svr_kernel_holdout_report__fixed.py
# source: hand-written for ai-ci held-out v6 (Apache-2.0)
"""Compare SVR kernels on California housing and write the winner to the model card."""
import json
from pathlib import Path

from sklearn.datasets import fetch_california_housing
from sklearn.metrics import mean_absolute_error
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVR

CANDIDATES = {
    "linear": {"kernel": "linear", "C": 1.0},
    "rbf": {"kernel": "rbf", "C": 10.0, "gamma": "scale"},
    "poly": {"kernel": "poly", "C": 3.0, "degree": 3},
}


def build(params):
    return make_pipeline(StandardScaler(), SVR(**params))


def main(out_dir="reports"):
    X, y = fetch_california_housing(return_X_y=True, as_frame=True)
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=7)

    scores = {}
    for name, params in CANDIDATES.items():
        model = build(params).fit(X_train, y_train)
        scores[name] = mean_absolute_error(y_test, model.predict(X_test))
        print(f"{name:>6}: MAE {scores[name]:.3f}")

    best = min(scores, key=scores.get)
    card = {"kernel": best, "params": CANDIDATES[best], "test_mae": round(scores[best], 4)}
    Path(out_dir).mkdir(exist_ok=True)
    Path(out_dir, "housing_svr.json").write_text(json.dumps(card, indent=2))
    print("selected", best, "expected MAE", card["test_mae"])


if __name__ == "__main__":
    main()
