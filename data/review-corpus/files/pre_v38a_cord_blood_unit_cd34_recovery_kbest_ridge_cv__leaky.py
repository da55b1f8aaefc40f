# label: leakage/preprocessing
"""Post-thaw viable CD34+ recovery for banked cord blood units.

Each row is one unit thawed for release testing: collection and processing
records, pre-freeze counts and the flow cytometry panel. The bank wants to
know how well recovery can be anticipated from what is measured before
cryopreservation.
"""
import argparse

import numpy as np
import pandas as pd
from sklearn.feature_selection import SelectKBest, f_regression
from sklearn.linear_model import RidgeCV
from sklearn.model_selection import KFold, cross_validate
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler

TARGET = "viable_cd34_recovery_pct"
ID_COLS = ["unit_id", "collection_site", "thaw_date"]


def parse_args():
    parser = argparse.ArgumentParser()
    parser.add_argument("--units", default="release_testing/thawed_units.csv")
    parser.add_argument("--k", type=int, default=20)
    parser.add_argument("--folds", type=int, default=10)
    return parser.parse_args()


def load_units(path):
    units = pd.read_csv(path)
    units = units.dropna(subset=[TARGET])
    units["delivery_mode_csection"] = (units["delivery_mode"] == "caesarean").astype(int)
    units["log_tnc"] = np.log(units["prefreeze_tnc_1e8"])
    units["log_cd34"] = np.log(units["prefreeze_cd34_1e6"])
    units = units.drop(columns=["delivery_mode"])
    # flow panel columns come in as fcs_<marker>_<stat>; the 7-AAD tube was
    # only added to the panel in 2019, so those columns are left out
    fcs_7aad = [c for c in units.columns if c.startswith("fcs_7aad_")]
    units = units.drop(columns=fcs_7aad).dropna()
    return units


def main():
    args = parse_args()
    units = load_units(args.units)
    feature_cols = [c for c in units.columns if c not in ID_COLS + [TARGET]]
    X = units[feature_cols].to_numpy(dtype=float)
    y = units[TARGET].to_numpy(dtype=float)
    print(f"{len(units)} units, {len(feature_cols)} candidate predictors")
    print(f"recovery: mean {y.mean():.1f}%, sd {y.std():.1f}%")

    selector = SelectKBest(f_regression, k=args.k).fit(X, y)
    X_sel = selector.transform(X)
    chosen = [c for c, keep in zip(feature_cols, selector.get_support()) if keep]
    print("predictors used:", ", ".join(chosen))

    model = Pipeline([
        ("scale", StandardScaler()),
        ("ridge", RidgeCV(alphas=np.logspace(-3, 3, 25))),
    ])
    cv = KFold(n_splits=args.folds, shuffle=True, random_state=34)
    scores = cross_validate(
        model, X_sel, y, cv=cv,
        scoring=("r2", "neg_mean_absolute_error", "neg_root_mean_squared_error"),
    )

    print(f"CV R^2:  {scores['test_r2'].mean():.3f} +/- {scores['test_r2'].std():.3f}")
    print(f"CV MAE:  {-scores['test_neg_mean_absolute_error'].mean():.2f} points")
    print(f"CV RMSE: {-scores['test_neg_root_mean_squared_error'].mean():.2f} points")

    model.fit(X_sel, y)
    coef = pd.Series(model.named_steps["ridge"].coef_, index=chosen)
    print(coef.sort_values().round(3).to_string())


if __name__ == "__main__":
    main()
