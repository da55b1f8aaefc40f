# label: leakage/none
# County environmental health: which onsite septic systems are likely to fail the
# point-of-sale inspection? Used to prioritise pre-listing site visits.
import numpy as np
import pandas as pd
from sklearn.feature_selection import SequentialFeatureSelector
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import RocCurveDisplay, roc_auc_score
from sklearn.model_selection import StratifiedKFold, train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

insp = pd.read_excel("data/pos_inspections_2015_2024.xlsx", sheet_name="inspections")
parcels = pd.read_csv("data/parcel_attributes.csv", dtype={"parcel_id": str})
insp["parcel_id"] = insp["parcel_id"].astype(str)
df = insp.merge(parcels, on="parcel_id", how="left")

df = df[df["result"].isin(["PASS", "FAIL"])]
df["failed"] = (df["result"] == "FAIL").astype(int)
df["system_age"] = df["inspection_year"] - df["install_year"]
df["years_since_pump"] = df["inspection_year"] - df["last_pumped_year"]
df["concrete_tank"] = (df["tank_material"] == "concrete").astype(int)
df["steel_tank"] = (df["tank_material"] == "steel").astype(int)
df["gravity_field"] = (df["drainfield_type"] == "gravity_trench").astype(int)
df["mound"] = (df["drainfield_type"] == "mound").astype(int)
df["log_perc_rate"] = np.log1p(df["perc_rate_mpi"])
df["log_lot_acres"] = np.log(df["lot_acres"].clip(lower=0.05))
df["occupants_per_bedroom"] = df["occupants"] / df["bedrooms"].clip(lower=1)

candidates = [
    "system_age", "years_since_pump", "concrete_tank", "steel_tank", "gravity_field",
    "mound", "log_perc_rate", "depth_to_groundwater_ft", "depth_to_bedrock_ft",
    "slope_pct", "log_lot_acres", "bedrooms", "occupants_per_bedroom",
    "dist_to_well_ft", "dist_to_surface_water_ft", "garbage_disposal", "water_softener",
    "in_floodplain", "annual_precip_in",
]
df = df.dropna(subset=candidates)
X, y = df[candidates], df["failed"]
print(f"{len(df)} inspections, failure rate {y.mean():.1%}")

X_train, X_test, y_train, y_test = train_test_split(
    X, y, test_size=0.3, stratify=y, random_state=5
)

# pick a compact set of predictors the inspectors can sanity-check
selector = SequentialFeatureSelector(
    make_pipeline(StandardScaler(), LogisticRegression(max_iter=2000)),
    n_features_to_select=8, direction="forward", scoring="roc_auc",
    cv=StratifiedKFold(5, shuffle=True, random_state=5), n_jobs=-1,
)
selector.fit(X_train, y_train)
chosen = list(X.columns[selector.get_support()])
print("selected predictors:", chosen)

model = make_pipeline(StandardScaler(), LogisticRegression(max_iter=2000))
model.fit(X_train[chosen], y_train)

p = model.predict_proba(X_test[chosen])[:, 1]
print(f"hold-out AUC: {roc_auc_score(y_test, p):.3f}")
coefs = pd.Series(model[-1].coef_.ravel(), index=chosen).sort_values()
print(coefs.round(3).to_string())

ax = RocCurveDisplay.from_predictions(y_test, p).ax_
ax.figure.savefig("figures/septic_fail_roc.png", dpi=150, bbox_inches="tight")
