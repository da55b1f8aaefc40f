# label: leakage/preprocessing
# twin: pre_r17c_pawnshop_forfeit_rate_encoding__fixed.py
# source: hand-written for ai-ci, round 17 tuning probes (Apache-2.0)
import numpy as np
import pandas as pd
from sklearn.model_selection import StratifiedKFold
from sklearn.ensemble import GradientBoostingClassifier
from sklearn.metrics import roc_auc_score, log_loss

SETTINGS = {
    "loans": "warehouse/pawn_loans_2019_2023.csv",
    "encode": ["item_category", "brand", "branch_id"],
    "alpha": 20.0,
    "folds": 5,
}


def smoothed_rate(frame, col, target, alpha):
    prior = frame[target].mean()
    stats = frame.groupby(col)[target].agg(["sum", "count"])
    rate = (stats["sum"] + alpha * prior) / (stats["count"] + alpha)
    return rate, prior


def apply_rates(frame, rates):
    out = frame.copy()
    for col, (rate, prior) in rates.items():
        out[f"{col}_rate"] = out[col].map(rate).fillna(prior)
    return out


def basic_features(df):
    df["ltv"] = df["principal"] / df["appraised_value"].clip(lower=1)
    df["term_days"] = (df["maturity_date"] - df["pledge_date"]).dt.days
    df["prior_loans"] = df["customer_prior_loans"].fillna(0)
    df["prior_forfeit_share"] = df["customer_prior_forfeits"].fillna(0) / df["prior_loans"].clip(lower=1)
    df["gold_item"] = df["item_category"].str.contains("gold|jewel", case=False, na=False).astype(int)
    df["pledge_month"] = df["pledge_date"].dt.month
    return df


loans = pd.read_csv(SETTINGS["loans"], parse_dates=["pledge_date", "maturity_date"])
loans = loans[loans["status"].isin(["redeemed", "forfeited"])].reset_index(drop=True)
loans["forfeited"] = (loans["status"] == "forfeited").astype(int)
loans = basic_features(loans)
for col in SETTINGS["encode"]:
    loans[col] = loans[col].fillna("missing").astype(str)

rates = {c: smoothed_rate(loans, c, "forfeited", SETTINGS["alpha"]) for c in SETTINGS["encode"]}
loans = apply_rates(loans, rates)

num_cols = ["principal", "appraised_value", "ltv", "term_days", "prior_loans",
            "prior_forfeit_share", "gold_item", "pledge_month", "customer_age"]
rate_cols = [f"{c}_rate" for c in SETTINGS["encode"]]

skf = StratifiedKFold(n_splits=SETTINGS["folds"], shuffle=True, random_state=42)
aucs, losses = [], []
oof = np.zeros(len(loans))

for fold, (tr_idx, va_idx) in enumerate(skf.split(loans, loans["forfeited"])):
    tr, va = loans.iloc[tr_idx], loans.iloc[va_idx]

    X_tr = tr[num_cols + rate_cols].fillna(-1)
    X_va = va[num_cols + rate_cols].fillna(-1)

    gbm = GradientBoostingClassifier(n_estimators=300, max_depth=3, learning_rate=0.05,
                                     subsample=0.8, random_state=fold)
    gbm.fit(X_tr, tr["forfeited"])
    p = gbm.predict_proba(X_va)[:, 1]
    oof[va_idx] = p
    aucs.append(roc_auc_score(va["forfeited"], p))
    losses.append(log_loss(va["forfeited"], p))
    print(f"fold {fold}: auc={aucs[-1]:.4f} logloss={losses[-1]:.4f}")

print(f"CV AUC {np.mean(aucs):.4f} +/- {np.std(aucs):.4f}")
print(f"CV logloss {np.mean(losses):.4f}")

loans["oof"] = oof
print(loans.groupby("item_category")[["forfeited", "oof"]].mean().round(3).sort_values("forfeited"))
