# label: leakage/none
"""Touch-up return model for the studio booking system.

One row per client (their first completed piece). Label: client booked a
touch-up session within 8 weeks of the piece being finished.
"""
import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.metrics import roc_auc_score, average_precision_score
from sklearn.model_selection import StratifiedKFold, train_test_split

DATA = "exports/first_pieces.parquet"
TARGET = "touchup_8w"
SEED = 4

NUMERIC = [
    "piece_area_cm2", "session_minutes", "n_sessions", "needle_count",
    "client_age", "aftercare_kit_bought", "price_eur", "days_booked_ahead",
]
CATEG = ["style", "body_zone", "ink_brand", "artist_id", "colour_mode"]

XGB_PARAMS = dict(
    n_estimators=400,
    max_depth=4,
    learning_rate=0.05,
    subsample=0.85,
    colsample_bytree=0.7,
    eval_metric="auc",
    tree_method="hist",
    enable_categorical=True,
)


class TouchupData:
    def __init__(self, path):
        self.df = pd.read_parquet(path)
        self.df = self.df[self.df["completed"] == 1].reset_index(drop=True)
        for col in CATEG:
            self.df[col] = self.df[col].astype("category")

    @property
    def X(self):
        return self.df[NUMERIC + CATEG]

    @property
    def y(self):
        return self.df[TARGET].astype(int)


def summarize(y_true, proba):
    return {
        "auc": roc_auc_score(y_true, proba),
        "ap": average_precision_score(y_true, proba),
    }


def main():
    data = TouchupData(DATA)
    print(f"{len(data.df)} clients, touch-up rate {data.y.mean():.3f}")

    X_dev, X_hold, y_dev, y_hold = train_test_split(
        data.X, data.y, test_size=0.2, stratify=data.y, random_state=SEED
    )

    skf = StratifiedKFold(n_splits=5, shuffle=True, random_state=SEED)
    fold_models, fold_scores, hold_scores = [], [], []
    for k, (tr, va) in enumerate(skf.split(X_dev, y_dev)):
        clf = xgb.XGBClassifier(random_state=SEED + k, **XGB_PARAMS)
        clf.fit(X_dev.iloc[tr], y_dev.iloc[tr], verbose=False)
        va_metrics = summarize(y_dev.iloc[va], clf.predict_proba(X_dev.iloc[va])[:, 1])
        hold_metrics = summarize(y_hold, clf.predict_proba(X_hold)[:, 1])
        fold_models.append(clf)
        fold_scores.append(va_metrics)
        hold_scores.append(hold_metrics)
        print(f"fold {k}: valid auc {va_metrics['auc']:.4f} ap {va_metrics['ap']:.4f}")

    cv_auc = np.mean([s["auc"] for s in fold_scores])
    print(f"mean CV auc {cv_auc:.4f}")

    best_idx = int(np.argmax([s["auc"] for s in fold_scores]))
    final = fold_models[best_idx]
    print(f"keeping fold {best_idx} model for deployment")
    print("holdout:", {k: round(v, 4) for k, v in hold_scores[best_idx].items()})

    importance = pd.Series(
        final.get_booster().get_score(importance_type="gain")
    ).sort_values(ascending=False)
    print(importance.head(10))
    final.save_model("touchup_xgb.json")


if __name__ == "__main__":
    main()
