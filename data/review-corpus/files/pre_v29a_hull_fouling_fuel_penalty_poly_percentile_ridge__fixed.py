# label: leakage/none
"""Hull-fouling fuel penalty from noon reports.

fuel_penalty_pct = excess daily consumption vs. the vessel's clean-hull sea-trial curve,
averaged per voyage leg. We want a model that can be handed to the chartering desk for
vessels we have not operated yet, so evaluation is grouped by vessel.
"""
import numpy as np
import pandas as pd
from sklearn.feature_selection import SelectPercentile, f_regression
from sklearn.linear_model import RidgeCV
from sklearn.metrics import mean_absolute_error, r2_score
from sklearn.model_selection import GroupKFold
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import PolynomialFeatures, StandardScaler

legs = pd.read_csv("data/fleet/voyage_legs_noon_agg.csv", parse_dates=["leg_start", "leg_end"])
legs = legs.query("sea_days >= 3 and fuel_penalty_pct.between(-10, 80)", engine="python")

legs["log_days_since_clean"] = np.log1p(legs["days_since_hull_clean"])
legs["tropical_idle_share"] = legs["idle_days_tropical"] / legs["days_since_hull_clean"].clip(lower=1)
legs["laden"] = (legs["condition"] == "laden").astype(int)
legs["silicone_coating"] = legs["antifouling_type"].eq("foul_release").astype(int)

base_cols = ["log_days_since_clean", "days_since_drydock", "tropical_idle_share",
             "mean_sea_temp_c", "mean_stw_kn", "mean_draft_m", "trim_m", "mean_beaufort",
             "mean_wave_height_m", "laden", "silicone_coating", "vessel_age_years", "dwt_k"]

X_raw = legs[base_cols].to_numpy(float)
y = legs["fuel_penalty_pct"].to_numpy(float)
vessel = legs["imo"].to_numpy()


def make_model():
    return make_pipeline(
        PolynomialFeatures(degree=2, include_bias=False),
        StandardScaler(),
        SelectPercentile(f_regression, percentile=15),
        RidgeCV(alphas=np.logspace(-3, 3, 25)),
    )


gkf = GroupKFold(n_splits=5)
maes, r2s = [], []
for k, (tr, te) in enumerate(gkf.split(X_raw, y, groups=vessel)):
    model = make_model()
    model.fit(X_raw[tr], y[tr])
    pred = model.predict(X_raw[te])
    maes.append(mean_absolute_error(y[te], pred))
    r2s.append(r2_score(y[te], pred))
    print(f"fold {k}: {len(np.unique(vessel[te]))} vessels  MAE {maes[-1]:.2f}  R2 {r2s[-1]:.3f}  alpha {model[-1].alpha_:.3g}")

print(f"Grouped CV MAE {np.mean(maes):.2f} pp, R2 {np.mean(r2s):.3f}")

# terms kept when fitting on every leg, for the write-up
model = make_model().fit(X_raw, y)
names = model[0].get_feature_names_out(base_cols)
kept = names[model[2].get_support()]
print(f"{len(names)} polynomial terms -> {len(kept)} kept")
print("\n".join(kept[:20]))
