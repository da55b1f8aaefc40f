# label: leakage/selection
"""Biofouling cover on raft-mounted immersion test panels.

One row per panel: coating formulation + site conditions at immersion,
target is % area covered by hard fouling at the 12-week inspection.
"""
import numpy as np
import pandas as pd
from sklearn.ensemble import RandomForestRegressor
from sklearn.metrics import mean_absolute_error, r2_score
from sklearn.model_selection import train_test_split

PANELS = "data/antifouling/panel_week12.csv"
COATINGS = "data/antifouling/coating_specs.csv"
SITES = "data/antifouling/raft_sites.csv"

panels = pd.read_csv(PANELS, parse_dates=["immersed_on"])
coatings = pd.read_csv(COATINGS)
sites = pd.read_csv(SITES)

df = (
    panels.merge(coatings, on="coating_code", how="left")
    .merge(sites[["site_id", "latitude", "mean_current_ms", "turbidity_ntu"]], on="site_id", how="left")
)

df["immersion_month_sin"] = np.sin(2 * np.pi * df["immersed_on"].dt.month / 12)
df["immersion_month_cos"] = np.cos(2 * np.pi * df["immersed_on"].dt.month / 12)
df["biocide_load"] = df["cu2o_pct"] * df["dry_film_um"] / 100.0

features = [
    "cu2o_pct", "zinc_pyrithione_pct", "silicone_fraction", "dry_film_um",
    "gloss_units", "biocide_load", "depth_m", "water_temp_c", "salinity_psu",
    "latitude", "mean_current_ms", "turbidity_ntu",
    "immersion_month_sin", "immersion_month_cos",
]
df = df.dropna(subset=features + ["hard_fouling_pct"])

X = df[features].to_numpy()
y = df["hard_fouling_pct"].to_numpy()

X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=11)
print(f"train panels: {len(y_train)}  test panels: {len(y_test)}")

# grow the forest in steps and track error as trees are added
records = []
for max_features in [0.3, 0.5, 0.7, 1.0]:
    rf = RandomForestRegressor(
        n_estimators=50,
        max_features=max_features,
        min_samples_leaf=2,
        warm_start=True,
        n_jobs=-1,
        random_state=11,
    )
    for n_trees in range(50, 651, 50):
        rf.set_params(n_estimators=n_trees)
        rf.fit(X_train, y_train)
        mae = mean_absolute_error(y_test, rf.predict(X_test))
        records.append({"max_features": max_features, "n_trees": n_trees, "mae": mae})

curve = pd.DataFrame(records)
print(curve.pivot(index="n_trees", columns="max_features", values="mae").round(2))

best = curve.loc[curve["mae"].idxmin()]
print(f"chosen: max_features={best.max_features}, n_trees={int(best.n_trees)}")

final_rf = RandomForestRegressor(
    n_estimators=int(best.n_trees),
    max_features=float(best.max_features),
    min_samples_leaf=2,
    n_jobs=-1,
    random_state=11,
)
final_rf.fit(X_train, y_train)
pred = np.clip(final_rf.predict(X_test), 0, 100)

print(f"test MAE (% cover): {mean_absolute_error(y_test, pred):.2f}")
print(f"test R2: {r2_score(y_test, pred):.3f}")

imp = pd.Series(final_rf.feature_importances_, index=features).sort_values(ascending=False)
print(imp.head(8).round(3))
