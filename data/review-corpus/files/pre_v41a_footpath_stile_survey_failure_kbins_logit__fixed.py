# label: leakage/none
"""County rights-of-way survey (2019): which stiles were reported unusable by spring 2021?

Volunteers walk each public footpath and record every stile on it. The model ranks
stiles for the replacement programme. Continuous measurements are banded so the
coefficients can be read as a simple scorecard by the rights-of-way officers.
"""
import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score, log_loss
from sklearn.model_selection import GroupShuffleSplit
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import KBinsDiscretizer, OneHotEncoder

NUMERIC = [
    "post_diameter_cm", "step_height_cm", "lean_deg", "probe_rot_depth_mm",
    "age_years", "est_daily_walkers", "ground_wetness_idx", "slope_deg",
    "livestock_density_ha", "years_since_repair",
]
CATEGORICAL = ["material", "stile_type", "boundary_type", "adjacent_land_use"]
TARGET = "unusable_by_2021"

stiles = pd.read_csv("stile_survey_2019.csv")
stiles = stiles.dropna(subset=NUMERIC + [TARGET])
print(stiles.shape, stiles[TARGET].mean().round(3))

gss = GroupShuffleSplit(n_splits=1, test_size=0.25, random_state=8)
train_idx, test_idx = next(gss.split(stiles, groups=stiles["path_id"]))
train, test = stiles.iloc[train_idx].copy(), stiles.iloc[test_idx].copy()

binner = KBinsDiscretizer(n_bins=5, encode="ordinal", strategy="quantile")
band_cols = [f"{c}_band" for c in NUMERIC]
train[band_cols] = binner.fit_transform(train[NUMERIC]).astype(int)
test[band_cols] = binner.transform(test[NUMERIC]).astype(int)

scorecard = Pipeline([
    ("onehot", ColumnTransformer([
        ("bands", OneHotEncoder(handle_unknown="ignore"), band_cols),
        ("cats", OneHotEncoder(handle_unknown="ignore", min_frequency=20), CATEGORICAL),
    ])),
    ("logit", LogisticRegression(C=0.3, max_iter=3000)),
])
scorecard.fit(train[band_cols + CATEGORICAL], train[TARGET])

p_test = scorecard.predict_proba(test[band_cols + CATEGORICAL])[:, 1]
print(f"test AUC:      {roc_auc_score(test[TARGET], p_test):.3f}")
print(f"test log loss: {log_loss(test[TARGET], p_test):.3f}")

# failure rate in each decile of predicted risk
deciles = pd.qcut(p_test, 10, labels=False, duplicates="drop")
print(test.assign(decile=deciles).groupby("decile")[TARGET].agg(["mean", "size"]).round(3))

names = scorecard.named_steps["onehot"].get_feature_names_out()
coefs = pd.Series(scorecard.named_steps["logit"].coef_[0], index=names)
print(coefs.sort_values(key=np.abs, ascending=False).head(12).round(2))
