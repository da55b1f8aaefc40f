# label: leakage/preprocessing
"""Green mould (Trichoderma) during spawn run on inoculated shiitake logs.

One row per log from the 2020-2024 inoculation seasons at three forest sites.
Estimate by repeated stratified CV with SMOTE on the minority class.
"""
import numpy as np
import pandas as pd
from imblearn.over_sampling import SMOTE
from imblearn.pipeline import Pipeline
from sklearn.compose import ColumnTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import RepeatedStratifiedKFold, cross_validate
from sklearn.preprocessing import OneHotEncoder, QuantileTransformer

NUMERIC = ["diameter_cm", "length_cm", "moisture_at_inoc_pct", "days_felled_to_inoc",
           "plugs_per_log", "shade_pct", "stack_height_logs", "rain_30d_pre_inoc_mm",
           "mean_temp_30d_pre_inoc_c", "bark_damage_pct"]
CATEGORICAL = ["wood_species", "spawn_strain", "spawn_form", "wax_type", "site", "stack_style"]


def load_logs(path):
    logs = pd.read_csv(path)
    logs = logs[logs["outcome_checked"] == 1]
    logs["bark_damage_pct"] = logs["bark_damage_pct"].fillna(0.0)
    logs["wax_type"] = logs["wax_type"].fillna("none")
    return logs


def make_preprocessor():
    return ColumnTransformer([
        ("num", QuantileTransformer(n_quantiles=200, output_distribution="normal"), NUMERIC),
        ("cat", OneHotEncoder(handle_unknown="ignore", sparse_output=False), CATEGORICAL),
    ])


def evaluate(X, y):
    pre = make_preprocessor()
    X_enc = pre.fit_transform(X)
    model = Pipeline([
        ("smote", SMOTE(k_neighbors=5, random_state=0)),
        ("clf", LogisticRegression(C=0.5, max_iter=2000)),
    ])
    cv = RepeatedStratifiedKFold(n_splits=5, n_repeats=3, random_state=0)
    scores = cross_validate(model, X_enc, y, cv=cv,
                            scoring=["roc_auc", "average_precision", "balanced_accuracy"])
    return scores


def main():
    logs = load_logs("shiitake_log_register.csv")
    X = logs[NUMERIC + CATEGORICAL]
    y = logs["green_mould"].astype(int).to_numpy()
    print(f"{len(logs)} logs, green mould rate {y.mean():.3f}")

    scores = evaluate(X, y)
    for key in ["test_roc_auc", "test_average_precision", "test_balanced_accuracy"]:
        vals = scores[key]
        print(f"{key[5:]:20s} {np.mean(vals):.3f} +/- {np.std(vals):.3f}")

    by_species = logs.groupby("wood_species")["green_mould"].agg(["mean", "size"])
    print(by_species.sort_values("mean", ascending=False).round(3))


if __name__ == "__main__":
    main()
