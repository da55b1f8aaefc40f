# label: leakage/none
# twin: pre_v16_coral_survey_scaler__leaky.py
# source: hand-written for ai-ci held-out v16 (Apache-2.0)
import numpy as np
import pandas as pd
from sklearn.metrics import roc_auc_score, brier_score_loss
from sklearn.model_selection import GroupShuffleSplit
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVC

CFG = {
    "path": "data/reef_surveys.csv",
    "features": ["sst_anomaly_c", "degree_heating_weeks", "depth_m", "turbidity_ntu", "par_mol",
                 "chlorophyll_mg", "current_speed_ms", "macroalgae_cover", "prior_bleach_events"],
    "target": "bleached",
    "C": 2.0,
    "seed": 13,
}


def load_surveys(cfg):
    df = pd.read_csv(cfg["path"], parse_dates=["survey_date"])
    df = df.dropna(subset=cfg["features"] + [cfg["target"]])
    return df


def reef_split(df, seed):
    gss = GroupShuffleSplit(n_splits=1, test_size=0.25, random_state=seed)
    train_idx, test_idx = next(gss.split(df, groups=df["reef_id"]))
    return train_idx, test_idx


def summarise(y_true, proba):
    return {"auc": roc_auc_score(y_true, proba), "brier": brier_score_loss(y_true, proba)}


def main(cfg=CFG):
    df = load_surveys(cfg)
    X = df[cfg["features"]].to_numpy(dtype=float)
    y = df[cfg["target"]].astype(int).to_numpy()

    train_idx, test_idx = reef_split(df, cfg["seed"])
    print(f"{len(train_idx)} train surveys, {len(test_idx)} test surveys")
    model = make_pipeline(StandardScaler(), SVC(C=cfg["C"], gamma="scale", probability=True,
                                                random_state=cfg["seed"]))
    model.fit(X[train_idx], y[train_idx])

    proba = model.predict_proba(X[test_idx])[:, 1]
    metrics = summarise(y[test_idx], proba)
    print({k: round(v, 4) for k, v in metrics.items()})
    by_reef = pd.DataFrame({"reef": df["reef_id"].to_numpy()[test_idx], "p": proba})
    print(by_reef.groupby("reef")["p"].mean().describe())
    return metrics


if __name__ == "__main__":
    np.random.seed(CFG["seed"])
    main()
