# label: leakage/none
"""Hatchery post-larvae batches: predict a WSSV-positive PCR result from the batch sheet.

One row per post-larvae batch shipped to grow-out ponds.
"""
import numpy as np
import pandas as pd
from xgboost import XGBClassifier
from sklearn.compose import ColumnTransformer
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OrdinalEncoder
from sklearn.metrics import roc_auc_score, recall_score, precision_score, f1_score

CFG = {
    "path": "data/pl_batches.csv",
    "seed": 30,
    "train_frac": 0.8,
    "threshold": 0.35,
}
CATS = ["broodstock_origin", "hatchery_unit", "feed_brand"]
NUMS = ["larval_age_days", "salinity_ppt", "water_temp_c", "stress_test_survival_pct",
        "gut_fullness_score", "vibrio_cfu_log", "batch_size_k", "nauplii_per_female_k",
        "days_since_tank_disinfection", "probiotic_dose_ml"]
TARGET = "wssv_positive"


class BatchRiskModel:
    def __init__(self, seed, threshold):
        self.threshold = threshold
        enc = ColumnTransformer(
            [("cats", OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=-1), CATS)],
            remainder="passthrough",
        )
        booster = XGBClassifier(n_estimators=350, max_depth=4, learning_rate=0.05,
                                subsample=0.9, colsample_bytree=0.8,
                                eval_metric="logloss", random_state=seed)
        self.pipe = Pipeline([("enc", enc), ("xgb", booster)])

    def fit(self, frame):
        self.pipe.fit(frame[CATS + NUMS], frame[TARGET])
        return self

    def score(self, frame):
        return self.pipe.predict_proba(frame[CATS + NUMS])[:, 1]

    def evaluate(self, frame):
        p = self.score(frame)
        flag = (p >= self.threshold).astype(int)
        y = frame[TARGET]
        return {"auc": roc_auc_score(y, p), "recall": recall_score(y, flag),
                "precision": precision_score(y, flag, zero_division=0), "f1": f1_score(y, flag)}


batches = pd.read_csv(CFG["path"]).dropna(subset=[TARGET]).reset_index(drop=True)
batches[TARGET] = batches[TARGET].astype(int)
print(len(batches), "batches; positive share", round(batches[TARGET].mean(), 3))

train_df = batches.sample(frac=CFG["train_frac"], random_state=CFG["seed"])
test_df = batches.drop(index=train_df.index)
print("train", train_df.shape, "test", test_df.shape)

model = BatchRiskModel(CFG["seed"], CFG["threshold"]).fit(train_df)
metrics = model.evaluate(test_df)
for name, value in metrics.items():
    print(f"{name:>9s}: {value:.3f}")

test_df = test_df.assign(risk=model.score(test_df))
print(test_df.groupby("broodstock_origin")[["risk", TARGET]].mean().round(3))
