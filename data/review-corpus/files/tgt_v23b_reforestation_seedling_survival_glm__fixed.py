# label: leakage/none
"""Model first-year seedling survival on reforestation plots with a binomial GLM in statsmodels."""
import numpy as np
import pandas as pd
import statsmodels.api as sm
import statsmodels.formula.api as smf

plots = pd.read_csv("planting_plots.csv", parse_dates=["planted_on"])
survey = pd.read_csv("pre_planting_site_survey.csv")   # plot_id, grass_cover_pct, browse_index, stoniness

plots = plots.merge(survey, on="plot_id", how="left")

plots = plots.dropna(subset=["alive_year1", "planted"])
plots = plots[plots["planted"] > 0]
plots["dead_year1"] = plots["planted"] - plots["alive_year1"]
plots["plant_year"] = plots["planted_on"].dt.year
plots["autumn_planting"] = plots["planted_on"].dt.month.isin([10, 11, 12]).astype(int)
plots["log_density"] = np.log(plots["planted"] / plots["area_ha"])
plots["north_facing"] = plots["aspect_deg"].between(315, 360) | plots["aspect_deg"].between(0, 45)
plots["north_facing"] = plots["north_facing"].astype(int)

train = plots[plots["plant_year"] <= 2020]
test = plots[plots["plant_year"] >= 2021]
grass_median = train["grass_cover_pct"].median()
train = train.assign(grass_cover_pct=train["grass_cover_pct"].fillna(grass_median))
test = test.assign(grass_cover_pct=test["grass_cover_pct"].fillna(grass_median))

formula = ("dead_year1 + alive_year1 ~ C(species) + C(stock_type) + autumn_planting + slope_deg"
           " + north_facing + elevation_m + grass_cover_pct + browse_index + C(fenced)"
           " + log_density")
glm = smf.glm(formula, data=train, family=sm.families.Binomial()).fit()
print(glm.summary())

p_dead = glm.predict(test)
obs_surv = test["alive_year1"] / test["planted"]
pred_surv = 1 - p_dead
w = test["planted"]
print(f"2021+ weighted MAE in survival rate: {np.average(np.abs(obs_surv - pred_surv), weights=w):.4f}")
print(f"predicted vs observed seedlings lost: {(p_dead * w).sum():.0f} vs {test['dead_year1'].sum():.0f}")
by_species = test.assign(pred=pred_surv, obs=obs_surv).groupby("species")[["obs", "pred"]].mean()
print(by_species.round(3))
