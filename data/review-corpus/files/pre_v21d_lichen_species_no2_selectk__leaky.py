# label: leakage/preprocessing
"""Estimate annual mean NO2 at survey trees from epiphytic lichen community composition."""
import numpy as np
import pandas as pd
import matplotlib.pyplot as plt
from sklearn.feature_selection import SelectKBest, f_regression
from sklearn.linear_model import RidgeCV
from sklearn.model_selection import KFold, cross_val_predict, cross_validate
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

SURVEY = "lichen_survey_trees.csv"
N_SPECIES = 40

survey = pd.read_csv(SURVEY)
site_info = ["site_id", "grid_ref", "tree_species", "bark_ph", "girth_cm", "aspect_deg", "no2_ugm3"]
species_cols = [c for c in survey.columns if c not in site_info]
print(f"{len(survey)} sites (one tree each), {len(species_cols)} lichen taxa")


def frequency_to_cover(df, cols):
    """Survey grid counts (0-10 squares) -> proportion, then arcsine-sqrt."""
    prop = df[cols].fillna(0).clip(0, 10) / 10.0
    return np.arcsin(np.sqrt(prop))


def add_site_terms(df):
    out = pd.DataFrame(index=df.index)
    out["bark_ph"] = df["bark_ph"]
    out["log_girth"] = np.log(df["girth_cm"].clip(lower=10))
    out["north_facing"] = np.cos(np.deg2rad(df["aspect_deg"]))
    return out


cover = frequency_to_cover(survey, species_cols)

X_all = pd.concat([cover, add_site_terms(survey)], axis=1)
y = survey["no2_ugm3"].to_numpy()

selector = SelectKBest(score_func=f_regression, k=N_SPECIES)
X_sel = selector.fit_transform(X_all, y)
kept = X_all.columns[selector.get_support()]
print("taxa/terms kept:", list(kept))

model = make_pipeline(StandardScaler(), RidgeCV(alphas=np.logspace(-3, 3, 25)))
cv = KFold(n_splits=10, shuffle=True, random_state=17)

res = cross_validate(model, X_sel, y, cv=cv,
                     scoring=["r2", "neg_root_mean_squared_error"], return_train_score=True)
print("CV R2   %.3f +/- %.3f" % (res["test_r2"].mean(), res["test_r2"].std()))
print("CV RMSE %.2f ug/m3" % -res["test_neg_root_mean_squared_error"].mean())
print("train R2 %.3f" % res["train_r2"].mean())

pred = cross_val_predict(model, X_sel, y, cv=cv)
fig, ax = plt.subplots(figsize=(5, 5))
ax.scatter(y, pred, s=10, alpha=0.6)
lims = [0, max(y.max(), pred.max()) * 1.05]
ax.plot(lims, lims, "k--", lw=1)
ax.set_xlabel("diffusion-tube NO2 (ug/m3)")
ax.set_ylabel("lichen-based estimate")
fig.savefig("lichen_no2_cv.png", dpi=150)
