# label: leakage/none
"""Predict on-site deferral (low total protein / haematocrit / pulse) for
plasma donation visits, so the centre can schedule extra screening time."""
import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import GroupShuffleSplit

VISITS_PATH = "warehouse/plasma_visits.csv"
DONORS_PATH = "warehouse/donor_profiles.csv"
CENTRES_PATH = "warehouse/centres.csv"

PARAMS = dict(
    n_estimators=600,
    max_depth=5,
    learning_rate=0.04,
    subsample=0.85,
    colsample_bytree=0.8,
    min_child_weight=3,
    eval_metric="aucpr",
    tree_method="hist",
)


def visit_history(visits):
    visits = visits.sort_values(["donor_id", "visit_time"]).copy()
    g = visits.groupby("donor_id")
    visits["days_since_last"] = g["visit_time"].diff().dt.days
    visits["prev_protein"] = g["total_protein_g_dl"].shift(1)
    visits["prev_hct"] = g["haematocrit_pct"].shift(1)
    visits["prev_volume_ml"] = g["collected_ml"].shift(1)
    visits["visit_no"] = g.cumcount() + 1
    visits["prior_deferrals"] = g["deferred"].cumsum() - visits["deferred"]
    rolled = (
        visits.set_index("visit_time")
        .groupby("donor_id")["collected_ml"]
        .rolling("30D", closed="left")
        .sum()
        .reset_index(level=0, drop=True)
    )
    visits["ml_last_30d"] = rolled.to_numpy()
    return visits


visits = pd.read_csv(VISITS_PATH, parse_dates=["visit_time"])
donors = pd.read_csv(DONORS_PATH, parse_dates=["date_of_birth", "first_donation"])
centres = pd.read_csv(CENTRES_PATH)

df = visit_history(visits)
df = df.merge(donors, on="donor_id", how="left").merge(centres, on="centre_id", how="left")
df["age"] = (df["visit_time"] - df["date_of_birth"]).dt.days / 365.25
df["tenure_days"] = (df["visit_time"] - df["first_donation"]).dt.days
df["hour"] = df["visit_time"].dt.hour
df["month"] = df["visit_time"].dt.month
df["sex_f"] = (df["sex"] == "F").astype(int)

features = [
    "age", "sex_f", "weight_kg", "height_cm", "tenure_days", "visit_no",
    "days_since_last", "prev_protein", "prev_hct", "prev_volume_ml",
    "prior_deferrals", "ml_last_30d", "hour", "month", "centre_altitude_m",
    "fed_before_visit", "fluid_intake_reported",
]
X = df[features]
y = df["deferred"].astype(int)

splitter = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=21)
train_idx, test_idx = next(splitter.split(X, y, groups=df["donor_id"]))
X_train, X_test = X.iloc[train_idx], X.iloc[test_idx]
y_train, y_test = y.iloc[train_idx], y.iloc[test_idx]

ratio = (y_train == 0).sum() / max((y_train == 1).sum(), 1)
model = xgb.XGBClassifier(scale_pos_weight=np.sqrt(ratio), random_state=21, **PARAMS)
model.fit(X_train, y_train)

proba = model.predict_proba(X_test)[:, 1]
print(f"visits: train {len(X_train)}, test {len(X_test)}")
print(f"ROC AUC: {roc_auc_score(y_test, proba):.3f}")
print(f"PR AUC:  {average_precision_score(y_test, proba):.3f}")

gain = model.get_booster().get_score(importance_type="gain")
print(pd.Series(gain).sort_values(ascending=False).head(10).round(1).to_string())
