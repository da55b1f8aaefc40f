# label: leakage/preprocessing
# twin: pre_ctr_mean_encoding_helper__fixed.py
# source: hand-written for ai-ci held-out v3 (Apache-2.0)
import lightgbm as lgb
import pandas as pd
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import train_test_split


def add_mean_encoding(df, col, target, smoothing=20):
    """Replace a high-cardinality id by its smoothed click-through rate."""
    prior = df[target].mean()
    stats = df.groupby(col)[target].agg(["mean", "count"])
    rate = (stats["mean"] * stats["count"] + prior * smoothing) / (stats["count"] + smoothing)
    df[f"{col}_ctr"] = df[col].map(rate).fillna(prior)
    return df


ads = pd.read_csv("ad_impressions.csv")
for col in ["site_id", "app_id", "device_model"]:
    ads = add_mean_encoding(ads, col, "click")

features = ["hour", "banner_pos", "site_id_ctr", "app_id_ctr", "device_model_ctr"]
train, test = train_test_split(ads, test_size=0.2, random_state=0)
model = lgb.LGBMClassifier(n_estimators=300, learning_rate=0.05, random_state=0, verbose=-1)
model.fit(train[features], train["click"])
print("test ROC AUC", roc_auc_score(test["click"], model.predict_proba(test[features])[:, 1]))
