# label: leakage/preprocessing
# twin: pre_rare_merchant_collapse_concat__fixed.py
# source: hand-written for ai-ci held-out v7 (Apache-2.0)
import pandas as pd
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import average_precision_score
from sklearn.preprocessing import OrdinalEncoder

CAT_COLS = ["merchant_id", "mcc", "terminal_country"]
NUM_COLS = ["amount", "hour", "secs_since_prev_txn", "card_age_days"]
MIN_COUNT = 30

train = pd.read_parquet("data/card_txn_2024q1.parquet")
test = pd.read_parquet("data/card_txn_2024q2.parquet")


def collapse_rare(frames, cols, min_count):
    full = pd.concat(frames, ignore_index=True)
    out = [f.copy() for f in frames]
    for col in cols:
        counts = full[col].value_counts()
        frequent = set(counts[counts >= min_count].index)
        for f in out:
            f[col] = f[col].where(f[col].isin(frequent), "__rare__")
    return out


train, test = collapse_rare([train, test], CAT_COLS, MIN_COUNT)

enc = OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=-1)
train[CAT_COLS] = enc.fit_transform(train[CAT_COLS].astype(str))
test[CAT_COLS] = enc.transform(test[CAT_COLS].astype(str))

model = HistGradientBoostingClassifier(
    max_iter=500, learning_rate=0.05, categorical_features=list(range(len(CAT_COLS))), random_state=2)
model.fit(train[CAT_COLS + NUM_COLS], train["is_fraud"])
ap = average_precision_score(test["is_fraud"], model.predict_proba(test[CAT_COLS + NUM_COLS])[:, 1])
print(f"Q2 average precision: {ap:.4f}")
