# label: leakage/target
# twin: tgt_r17a_dialysis_intradialytic_hypotension__fixed.py
# source: hand-written for ai-ci, round 17 tuning probes (Apache-2.0)
"""Intradialytic hypotension (IDH) risk model for the haemodialysis unit.

One row per dialysis session, exported nightly from the treatment-sheet system.
Copyright 2024 the unit's analytics group. Licensed under Apache-2.0.
"""
import numpy as np
import pandas as pd
import matplotlib.pyplot as plt
import xgboost as xgb
from sklearn.model_selection import GroupShuffleSplit
from sklearn.metrics import roc_auc_score, average_precision_score, brier_score_loss
from sklearn.calibration import calibration_curve

CFG = {
    "sessions": "data/hd_sessions.csv",
    "patients": "data/hd_patients.csv",
    "seed": 11,
    "test_frac": 0.25,
    "rounds": 350,
    "params": {
        "objective": "binary:logistic",
        "eval_metric": "auc",
        "max_depth": 4,
        "eta": 0.05,
        "subsample": 0.8,
        "colsample_bytree": 0.8,
        "min_child_weight": 5,
    },
}

FEATURES = [
    "age", "diabetic", "vintage_years", "dry_weight_kg", "idwg_pct",
    "target_uf_rate", "pre_sbp", "pre_dbp", "pre_pulse_pressure", "pre_hr",
    "dialysate_na", "dialysate_temp", "days_since_last", "prev_idh",
    "albumin_g_dl", "saline_bolus_ml", "access_type_avf",
]


def load_sessions(cfg):
    sessions = pd.read_csv(cfg["sessions"], parse_dates=["session_date"])
    patients = pd.read_csv(cfg["patients"])
    df = sessions.merge(patients, on="patient_id", how="left")
    return df.sort_values(["patient_id", "session_date"]).reset_index(drop=True)


def add_session_features(df):
    out = df.copy()
    out["idwg_pct"] = 100 * out["interdialytic_weight_gain_kg"] / out["dry_weight_kg"]
    out["target_uf_rate"] = (
        out["target_uf_volume_ml"] / out["dry_weight_kg"] / out["planned_duration_h"]
    )
    out["pre_pulse_pressure"] = out["pre_sbp"] - out["pre_dbp"]
    gap = out.groupby("patient_id")["session_date"].diff().dt.days
    out["days_since_last"] = gap.fillna(2).clip(upper=7)
    out["prev_idh"] = out.groupby("patient_id")["idh_event"].shift(1).fillna(0)
    out["vintage_years"] = out["dialysis_vintage_months"] / 12.0
    out["access_type_avf"] = (out["vascular_access"] == "AVF").astype(int)
    return out


def patient_split(df, cfg):
    gss = GroupShuffleSplit(n_splits=1, test_size=cfg["test_frac"], random_state=cfg["seed"])
    train_idx, test_idx = next(gss.split(df, groups=df["patient_id"]))
    return df.iloc[train_idx], df.iloc[test_idx]


def fit_booster(train, cfg):
    dtrain = xgb.DMatrix(train[FEATURES], label=train["idh_event"], feature_names=FEATURES)
    booster = xgb.train(
        cfg["params"], dtrain, num_boost_round=cfg["rounds"],
        evals=[(dtrain, "train")], verbose_eval=50,
    )
    return booster


def report(booster, test):
    dtest = xgb.DMatrix(test[FEATURES], feature_names=FEATURES)
    p = booster.predict(dtest)
    y = test["idh_event"].to_numpy()
    print(f"sessions in test: {len(y)}, IDH rate {y.mean():.3f}")
    print(f"ROC AUC : {roc_auc_score(y, p):.3f}")
    print(f"PR AUC  : {average_precision_score(y, p):.3f}")
    print(f"Brier   : {brier_score_loss(y, p):.4f}")
    frac_pos, mean_pred = calibration_curve(y, p, n_bins=10, strategy="quantile")
    fig, axes = plt.subplots(1, 2, figsize=(11, 4))
    axes[0].plot(mean_pred, frac_pos, marker="o")
    axes[0].plot([0, 1], [0, 1], ls="--", c="grey")
    axes[0].set_title("Calibration (held-out patients)")
    gain = booster.get_score(importance_type="gain")
    imp = pd.Series(gain).sort_values()
    imp.tail(12).plot.barh(ax=axes[1], title="Gain importance")
    fig.tight_layout()
    fig.savefig("idh_model_report.png", dpi=120)
    return p


if __name__ == "__main__":
    data = add_session_features(load_sessions(CFG))
    data = data.dropna(subset=FEATURES + ["idh_event"])
    train_df, test_df = patient_split(data, CFG)
    print(f"train patients {train_df.patient_id.nunique()}, test patients {test_df.patient_id.nunique()}")
    model = fit_booster(train_df, CFG)
    scores = report(model, test_df)
    np.save("idh_test_scores.npy", scores)
