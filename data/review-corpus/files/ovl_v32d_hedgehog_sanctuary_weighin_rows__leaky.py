# label: leakage/overlap
"""Release outcome for hedgehogs in care, scored at every weigh-in so that
staff see an updated prognosis during the stay."""
import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.metrics import average_precision_score, log_loss, roc_auc_score
from sklearn.model_selection import train_test_split

CONFIG = {
    "admissions": "data/hog_admissions.csv",
    "weighins": "data/hog_weighins.csv",
    "treatments": "data/hog_treatments.csv",
    "test_size": 0.2,
    "seed": 7,
    "lgb": dict(n_estimators=600, learning_rate=0.03, num_leaves=31,
                min_child_samples=25, subsample=0.8, subsample_freq=1,
                colsample_bytree=0.8, reg_lambda=1.0),
}

FEATURES = [
    "weight_g", "weight_change_7d", "days_in_care", "admission_weight_g",
    "age_class", "admission_reason", "lungworm_positive", "fluke_positive",
    "ringworm", "eats_unaided", "faeces_score", "temp_c",
    "antibiotic_days_so_far", "month_admitted",
]
CATS = ["age_class", "admission_reason"]


def build_rows(cfg):
    adm = pd.read_csv(cfg["admissions"], parse_dates=["admitted_on"])
    wts = pd.read_csv(cfg["weighins"], parse_dates=["weighed_on"])
    trt = pd.read_csv(cfg["treatments"], parse_dates=["given_on"])

    rows = wts.merge(adm, on="hog_id", how="inner")
    rows = rows.sort_values(["hog_id", "weighed_on"])
    rows["days_in_care"] = (rows["weighed_on"] - rows["admitted_on"]).dt.days
    rows["weight_change_7d"] = rows.groupby("hog_id")["weight_g"].diff(1)
    rows["month_admitted"] = rows["admitted_on"].dt.month

    abx = trt[trt["drug_class"] == "antibiotic"][["hog_id", "given_on"]]
    merged = rows[["hog_id", "weighed_on"]].merge(abx, on="hog_id", how="left")
    merged["before"] = merged["given_on"] <= merged["weighed_on"]
    counts = merged.groupby(["hog_id", "weighed_on"])["before"].sum()
    rows = rows.merge(counts.rename("antibiotic_days_so_far").reset_index(),
                      on=["hog_id", "weighed_on"], how="left")

    for c in CATS:
        rows[c] = rows[c].astype("category")
    rows["released"] = (rows["outcome"] == "released").astype(int)
    return rows


def evaluate(y_true, p):
    return {
        "auc": roc_auc_score(y_true, p),
        "ap": average_precision_score(y_true, p),
        "logloss": log_loss(y_true, p),
    }


rows = build_rows(CONFIG)
print(rows.shape, rows["hog_id"].nunique(), "animals")

train, test = train_test_split(
    rows, test_size=CONFIG["test_size"], random_state=CONFIG["seed"],
    stratify=rows["released"],
)

model = lgb.LGBMClassifier(**CONFIG["lgb"], random_state=CONFIG["seed"], verbose=-1)
model.fit(train[FEATURES], train["released"], categorical_feature=CATS)

p_test = model.predict_proba(test[FEATURES])[:, 1]
scores = evaluate(test["released"], p_test)
for k, v in scores.items():
    print(f"{k:8s} {v:.4f}")

# prognosis quality by stage of the stay
test = test.assign(p=p_test)
test["stage"] = pd.cut(test["days_in_care"], [-1, 7, 21, 60, np.inf],
                       labels=["week1", "weeks2-3", "to2months", "long"])
for stage, grp in test.groupby("stage", observed=True):
    if grp["released"].nunique() == 2:
        print(stage, len(grp), round(roc_auc_score(grp["released"], grp["p"]), 4))
