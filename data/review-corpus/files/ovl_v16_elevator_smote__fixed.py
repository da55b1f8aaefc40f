# label: leakage/none
# twin: ovl_v16_elevator_smote__leaky.py
# source: hand-written for ai-ci held-out v16 (Apache-2.0)
import pandas as pd
from imblearn.over_sampling import SMOTE
from sklearn.ensemble import ExtraTreesClassifier
from sklearn.metrics import balanced_accuracy_score, classification_report, roc_auc_score
from sklearn.model_selection import train_test_split

CFG = {
    "path": "data/elevator_units.csv",
    "target": "fault_within_30d",
    "features": ["door_cycles_k", "motor_temp_c", "vibration_rms", "age_years", "load_events",
                 "leveling_error_mm", "brake_wear_pct", "floors_served"],
    "seed": 21,
    "k_neighbors": 5,
}


def load_units(cfg):
    df = pd.read_csv(cfg["path"])
    df = df.drop_duplicates("unit_id").dropna(subset=cfg["features"] + [cfg["target"]])
    return df[cfg["features"]], df[cfg["target"]].astype(int)


def balance(X, y, cfg):
    sampler = SMOTE(k_neighbors=cfg["k_neighbors"], random_state=cfg["seed"])
    X_res, y_res = sampler.fit_resample(X, y)
    print(f"resampled {len(y)} -> {len(y_res)} rows, positive share {y_res.mean():.2f}")
    return X_res, y_res


def make_classifier(cfg):
    return ExtraTreesClassifier(n_estimators=500, min_samples_leaf=2, n_jobs=-1, random_state=cfg["seed"])


def evaluate(clf, X_te, y_te):
    proba = clf.predict_proba(X_te)[:, 1]
    pred = (proba >= 0.5).astype(int)
    print(classification_report(y_te, pred, digits=3))
    return {"auc": roc_auc_score(y_te, proba), "bal_acc": balanced_accuracy_score(y_te, pred)}


def main(cfg=CFG):
    X, y = load_units(cfg)
    print(f"{len(y)} units, fault rate {y.mean():.3f}")
    X_tr, X_te, y_tr, y_te = train_test_split(
        X, y, test_size=0.25, stratify=y, random_state=cfg["seed"]
    )
    X_tr, y_tr = balance(X_tr, y_tr, cfg)
    clf = make_classifier(cfg).fit(X_tr, y_tr)
    metrics = evaluate(clf, X_te, y_te)
    for k, v in metrics.items():
        print(f"{k}: {v:.3f}")


if __name__ == "__main__":
    main()
