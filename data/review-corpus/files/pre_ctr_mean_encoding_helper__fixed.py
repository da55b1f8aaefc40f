# label: leakage/none
# twin: pre_ctr_mean_encoding_helper__leaky.py
# source: hand-written for ai-ci held-out v3 (Apache-2.0)
import lightgbm as lgb
import pandas as pd
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import KFold, train_test_split


def ctr_table(df, col, target, smoothing=20):
    """Smoothed click-through rate per value of a high-cardinality id."""
    prior = df[target].mean()
    stats = df.groupby(col)[target].agg(["mean", "count"])
    return (stats["mean"] * stats["count"] + prior * smoothing) / (stats["count"] + smoothing), prior


ads = pd.read_csv("ad_impressions.csv")
train, test = train_test_split(ads, test_size=0.2, random_state=0)
train, test = train.copy(), test.copy()

for col in ["site_id", "app_id", "device_model"]:
    # training rows: out-of-fold rates; test rows: rates from the whole training part
    oof = pd.Series(0.0, index=train.index)
    for fit_idx, enc_idx in KFold(n_splits=5, shuffle=True, random_state=0).split(train):
        rate, prior = ctr_table(train.iloc[fit_idx], col, "click")
        oof.iloc[enc_idx] = train[col].iloc[enc_idx].map(rate).fillna(prior).to_numpy()
    train[f"{col}_ctr"] = oof
    rate, prior = ctr_table(train, col, "click")
    test[f"{col}_ctr"] = test[col].map(rate).fillna(prior)

features = ["hour", "banner_pos", "site_id_ctr", "app_id_ctr", "device_model_ctr"]
model = lgb.LGBMClassifier(n_estimators=300, learning_rate=0.05, random_state=0, verbose=-1)
model.fit(train[features], train["click"])
print("test ROC AUC", roc_auc_score(test["click"], model.predict_proba(test[features])[:, 1]))
