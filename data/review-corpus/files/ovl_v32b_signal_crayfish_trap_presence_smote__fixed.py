# label: leakage/none
"""Presence model for invasive signal crayfish at river survey sites.

One row per surveyed site (trap lines + eDNA sample in the same week).
Positives are rare, so the minority class is synthesised with SMOTE.
"""
import argparse

import numpy as np
import pandas as pd
from imblearn.over_sampling import SMOTE
from imblearn.pipeline import Pipeline
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import balanced_accuracy_score, classification_report, roc_auc_score
from sklearn.model_selection import train_test_split


def read_survey(sites_path, chemistry_path, habitat_path):
    sites = pd.read_csv(sites_path)
    chem = pd.read_csv(chemistry_path)
    habitat = pd.read_csv(habitat_path)
    chem_site = chem.groupby("site_id").agg(
        calcium_mg_l=("calcium_mg_l", "mean"),
        ph=("ph", "mean"),
        conductivity_us=("conductivity_us", "mean"),
        water_temp_c=("water_temp_c", "mean"),
    )
    df = sites.merge(chem_site, on="site_id", how="left").merge(habitat, on="site_id", how="left")
    df["log_km_to_fishery"] = np.log(df["km_to_stillwater_fishery"] + 0.1)
    df["weir_between"] = df["barriers_downstream"].gt(0).astype(int)
    return df


FEATURES = [
    "calcium_mg_l", "ph", "conductivity_us", "water_temp_c", "channel_width_m",
    "mean_depth_m", "pct_cobble", "pct_boulder", "pct_silt", "flow_velocity_m_s",
    "riparian_cover_pct", "log_km_to_fishery", "weir_between", "fishing_access_points",
    "elevation_m", "catchment_area_km2",
]


def main(args):
    df = read_survey(args.sites, args.chemistry, args.habitat)
    df = df.dropna(subset=FEATURES)
    X = df[FEATURES]
    y = df["signal_present"].astype(int)
    print(f"{len(df)} sites, {y.sum()} with signal crayfish")

    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=0.25, stratify=y, random_state=args.seed
    )

    forest = RandomForestClassifier(
        n_estimators=500, min_samples_leaf=2, max_features="sqrt",
        n_jobs=-1, random_state=args.seed,
    )
    model = Pipeline([
        ("smote", SMOTE(k_neighbors=5, random_state=args.seed)),
        ("forest", forest),
    ])
    model.fit(X_train, y_train)

    pred = model.predict(X_test)
    proba = model.predict_proba(X_test)[:, 1]
    print(classification_report(y_test, pred, target_names=["absent", "present"]))
    print(f"balanced accuracy: {balanced_accuracy_score(y_test, pred):.3f}")
    print(f"ROC AUC: {roc_auc_score(y_test, proba):.3f}")

    ranking = pd.Series(forest.feature_importances_, index=FEATURES).sort_values(ascending=False)
    print(ranking.head(8).round(3).to_string())


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--sites", default="survey/sites_2023.csv")
    parser.add_argument("--chemistry", default="survey/water_chemistry_2023.csv")
    parser.add_argument("--habitat", default="survey/habitat_scores_2023.csv")
    parser.add_argument("--seed", type=int, default=5)
    main(parser.parse_args())
