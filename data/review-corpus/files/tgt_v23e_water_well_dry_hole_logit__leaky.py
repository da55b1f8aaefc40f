# label: leakage/target
"""Estimate the probability that a planned rural water borehole comes up dry from site geology and terrain."""
import numpy as np
import pandas as pd
import statsmodels.formula.api as smf
from sklearn.metrics import brier_score_loss, roc_auc_score
from sklearn.model_selection import train_test_split

wells = pd.read_csv("borehole_completions.csv")
geology = pd.read_csv("site_geology.csv")
terrain = pd.read_parquet("terrain_attributes.parquet")

df = (
    wells.merge(geology, on="site_id", how="left")
    .merge(terrain, on="site_id", how="left")
)
df = df[df["status"].isin(["productive", "dry"])]
# first completed borehole per site
df = df.sort_values("completion_date").drop_duplicates("site_id", keep="first").copy()
df["dry_hole"] = (df["status"] == "dry").astype(int)

df["log_dist_stream"] = np.log1p(df["distance_to_stream_m"])
df["overburden_m"] = df["depth_to_bedrock_m"].clip(upper=80)
df["fracture_density"] = df["lineaments_within_1km"] / np.pi
df["lithology"] = df["lithology"].fillna("unknown")
main_rocks = ["granite", "gneiss", "schist", "sandstone", "shale", "limestone", "basalt"]
df["lithology"] = df["lithology"].where(df["lithology"].isin(main_rocks), "other")
df["log_pump_yield"] = np.log1p(df["pump_test_yield_lpm"])

cols = ["dry_hole", "overburden_m", "log_dist_stream", "slope_deg", "fracture_density",
        "annual_rain_mm", "elevation_m", "lithology", "log_pump_yield"]
df = df.dropna(subset=cols)

train, test = train_test_split(df, test_size=0.25, stratify=df["dry_hole"], random_state=8)

formula = (
    "dry_hole ~ overburden_m + log_dist_stream + slope_deg + fracture_density"
    " + I(annual_rain_mm / 100) + elevation_m + C(lithology) + log_pump_yield"
)
fit = smf.logit(formula, data=train).fit(disp=False, maxiter=200)
print(fit.summary2().tables[1][["Coef.", "Std.Err.", "P>|z|"]].round(3))

p_test = fit.predict(test)
print(f"\ntest wells: {len(test)}  dry share: {test['dry_hole'].mean():.3f}")
print(f"test ROC AUC: {roc_auc_score(test['dry_hole'], p_test):.4f}")
print(f"test Brier: {brier_score_loss(test['dry_hole'], p_test):.4f}")

# expected dry holes for the next drilling programme by lithology
by_lith = test.assign(p=p_test).groupby("lithology")[["p", "dry_hole"]].mean()
print(by_lith.round(3))
