# label: leakage/target
# twin: tgt_r17c_ivf_embryo_transfer_serum__fixed.py
# source: hand-written for ai-ci, round 17 tuning probes (Apache-2.0)
"""Clinical pregnancy model for fresh IVF/ICSI single-embryo transfers."""
import numpy as np
import pandas as pd
import lightgbm as lgb
import matplotlib.pyplot as plt
from sklearn.model_selection import train_test_split
from sklearn.metrics import roc_auc_score, average_precision_score, brier_score_loss

CFG = {
    "path": "data/ivf_cycles_2016_2023.csv",
    "label": "clinical_pregnancy",
    "seed": 11,
    "lgb": {
        "objective": "binary",
        "learning_rate": 0.03,
        "num_leaves": 15,
        "min_child_samples": 40,
        "feature_fraction": 0.8,
        "bagging_fraction": 0.8,
        "bagging_freq": 1,
        "lambda_l2": 2.0,
        "verbose": -1,
    },
    "rounds": 600,
}

NUMERIC = [
    "female_age", "amh_ng_ml", "antral_follicles", "bmi", "stim_days",
    "fsh_total_iu", "oocytes_retrieved", "mii_oocytes", "fertilised_2pn",
    "endometrium_mm", "p4_at_trigger", "e2_at_trigger", "serum_b_d14",
]
CATEGORICAL = ["protocol", "insemination", "blast_expansion", "icm_grade", "te_grade"]


def load_cycles(path):
    df = pd.read_csv(path, parse_dates=["transfer_date"])
    df = df[df["transfer_type"] == "fresh"]
    df = df[df["embryos_transferred"] == 1].copy()
    df["maturity_rate"] = df["mii_oocytes"] / df["oocytes_retrieved"].clip(lower=1)
    df["fert_rate"] = df["fertilised_2pn"] / df["mii_oocytes"].clip(lower=1)
    for col in CATEGORICAL:
        df[col] = df[col].fillna("unknown").astype("category")
    return df


def reliability_plot(y_true, proba, bins=10):
    edges = np.linspace(0, 1, bins + 1)
    idx = np.digitize(proba, edges[1:-1])
    xs, ys = [], []
    for b in range(bins):
        m = idx == b
        if m.sum() > 20:
            xs.append(proba[m].mean())
            ys.append(y_true[m].mean())
    plt.figure(figsize=(4, 4))
    plt.plot([0, 1], [0, 1], "k--", lw=1)
    plt.plot(xs, ys, "o-")
    plt.xlabel("predicted")
    plt.ylabel("observed")
    plt.tight_layout()
    plt.savefig("ivf_reliability.png", dpi=120)


cycles = load_cycles(CFG["path"])
print(cycles.shape, cycles[CFG["label"]].mean().round(3))

features = NUMERIC + ["maturity_rate", "fert_rate"] + CATEGORICAL
X = cycles[features]
y = cycles[CFG["label"]].astype(int)

X_train, X_test, y_train, y_test = train_test_split(
    X, y, test_size=0.2, stratify=y, random_state=CFG["seed"]
)

dtrain = lgb.Dataset(X_train, label=y_train, categorical_feature=CATEGORICAL)
booster = lgb.train(CFG["lgb"], dtrain, num_boost_round=CFG["rounds"])

proba = booster.predict(X_test)
print("AUC   ", round(roc_auc_score(y_test, proba), 4))
print("AP    ", round(average_precision_score(y_test, proba), 4))
print("Brier ", round(brier_score_loss(y_test, proba), 4))

gain = pd.Series(
    booster.feature_importance(importance_type="gain"), index=booster.feature_name()
).sort_values(ascending=False)
print(gain.head(10))

reliability_plot(y_test.to_numpy(), proba)
