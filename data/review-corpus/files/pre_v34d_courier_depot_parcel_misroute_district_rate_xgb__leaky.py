# label: leakage/preprocessing
"""Misroute risk for parcels at the sortation hub.

A misroute is a parcel that is sorted to a delivery depot other than its
own and has to be trunked back. Scores are produced when the parcel is inducted on the sorter,
using the label scan, the address quality check and the destination district.
"""
from dataclasses import dataclass

import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import train_test_split

PRIOR_WEIGHT = 50
BASE_FEATURES = [
    "address_match_score", "label_ocr_confidence", "manual_keying",
    "parcel_weight_kg", "parcel_volume_l", "is_irregular_shape",
    "induct_hour", "sorter_line", "new_build_address", "pobox_or_locker",
]


@dataclass
class Split:
    X_train: pd.DataFrame
    X_test: pd.DataFrame
    y_train: pd.Series
    y_test: pd.Series


def read_scans(path):
    df = pd.read_csv(path, parse_dates=["inducted_at"], dtype={"postcode_district": str})
    df = df.dropna(subset=["postcode_district", "misrouted"])
    df["induct_hour"] = df["inducted_at"].dt.hour
    df["manual_keying"] = df["manual_keying"].astype(int)
    df["postcode_area"] = df["postcode_district"].str.extract(r"^([A-Z]{1,2})", expand=False)
    return df


def district_rates(ref, key):
    """Shrunk misroute rate per postcode district / area."""
    prior = ref["misrouted"].mean()
    stats = ref.groupby(key)["misrouted"].agg(["sum", "count"])
    return (stats["sum"] + PRIOR_WEIGHT * prior) / (stats["count"] + PRIOR_WEIGHT), prior


def add_rate_features(df, ref):
    out = df.copy()
    for key in ["postcode_district", "postcode_area"]:
        rates, prior = district_rates(ref, key)
        out[f"{key}_rate"] = out[key].map(rates).fillna(prior)
    return out


FEATURES = BASE_FEATURES + ["postcode_district_rate", "postcode_area_rate"]


def make_split(scans):
    scans = add_rate_features(scans, scans)
    train, test = train_test_split(
        scans, test_size=0.2, stratify=scans["misrouted"], random_state=8
    )
    return Split(train[FEATURES], test[FEATURES], train["misrouted"], test["misrouted"])


def main():
    scans = read_scans("data/hub_induct_scans_q3.csv")
    print(f"{len(scans):,} parcels, misroute rate {scans['misrouted'].mean():.3%}")
    split = make_split(scans)

    pos_weight = (split.y_train == 0).sum() / max((split.y_train == 1).sum(), 1)
    model = xgb.XGBClassifier(
        n_estimators=500,
        max_depth=6,
        learning_rate=0.05,
        subsample=0.8,
        colsample_bytree=0.8,
        min_child_weight=5,
        scale_pos_weight=pos_weight,
        tree_method="hist",
        eval_metric="aucpr",
        random_state=8,
    )
    model.fit(split.X_train, split.y_train)

    proba = model.predict_proba(split.X_test)[:, 1]
    print(f"ROC AUC : {roc_auc_score(split.y_test, proba):.3f}")
    print(f"PR AUC  : {average_precision_score(split.y_test, proba):.3f}")

    order = np.argsort(-proba)
    for share in (0.01, 0.05, 0.10):
        k = int(share * len(order))
        caught = split.y_test.iloc[order[:k]].sum() / split.y_test.sum()
        print(f"top {share:.0%} by score catches {caught:.1%} of misroutes")

    gain = pd.Series(model.get_booster().get_score(importance_type="gain"))
    print(gain.sort_values(ascending=False).round(1).to_string())


if __name__ == "__main__":
    main()
