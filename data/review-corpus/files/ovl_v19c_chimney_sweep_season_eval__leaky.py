# label: leakage/overlap
"""Which flues will fail the annual sweep inspection?

Inspection records from the district's licensed sweeps. Fit a logistic model on past
seasons and check how it ranks flues in the latest season.
"""
import numpy as np
import pandas as pd
import statsmodels.formula.api as smf
from sklearn.metrics import roc_auc_score, brier_score_loss

CONFIG = {
    "records": "data/sweep_inspections.csv",
    "properties": "data/property_register.csv",
    "first_season": 2016,
    "last_train_season": 2023,
    "eval_season": 2023,
    "formula": (
        "failed ~ flue_age_yrs + np.log1p(fires_per_week) + C(fuel) + C(liner_type)"
        " + C(cap_fitted) + storeys + prev_failed + years_since_last_sweep"
    ),
}


def load(config):
    rec = pd.read_csv(config["records"], parse_dates=["visit_date"])
    props = pd.read_csv(config["properties"])
    df = rec.merge(props, on="property_id", how="left")
    df["season"] = np.where(df["visit_date"].dt.month >= 8,
                            df["visit_date"].dt.year + 1, df["visit_date"].dt.year)
    df = df.sort_values(["property_id", "visit_date"])
    df["prev_failed"] = df.groupby("property_id")["failed"].shift(1).fillna(0)
    last_visit = df.groupby("property_id")["visit_date"].shift(1)
    df["years_since_last_sweep"] = ((df["visit_date"] - last_visit).dt.days / 365.25).fillna(3.0)
    df["flue_age_yrs"] = df["season"] - df["flue_install_year"]
    df["fuel"] = df["fuel"].fillna("unknown")
    df["liner_type"] = df["liner_type"].fillna("none")
    return df


def summarise(frame, proba, label):
    auc = roc_auc_score(frame["failed"], proba)
    brier = brier_score_loss(frame["failed"], proba)
    top_decile = frame.assign(p=proba).nlargest(len(frame) // 10, "p")["failed"].mean()
    print(f"{label:>10s}: n={len(frame):5d} auc={auc:.3f} brier={brier:.4f} "
          f"fail-rate in top decile={top_decile:.2%} (base {frame['failed'].mean():.2%})")


df = load(CONFIG)
train = df[df["season"].between(CONFIG["first_season"], CONFIG["last_train_season"])]
evaluation = df[df["season"] == CONFIG["eval_season"]]

fit = smf.logit(CONFIG["formula"], data=train).fit(disp=False, maxiter=200)
print(fit.summary2().tables[1][["Coef.", "P>|z|"]].round(3))

summarise(evaluation, fit.predict(evaluation), f"season {CONFIG['eval_season']}")

by_fuel = evaluation.assign(p=fit.predict(evaluation)).groupby("fuel").agg(
    flues=("failed", "size"), observed=("failed", "mean"), predicted=("p", "mean")
)
print(by_fuel.round(3))
