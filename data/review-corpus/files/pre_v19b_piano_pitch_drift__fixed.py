# label: leakage/none
import numpy as np
import pandas as pd
from sklearn.base import clone
from sklearn.compose import ColumnTransformer
from sklearn.dummy import DummyRegressor
from sklearn.ensemble import RandomForestRegressor
from sklearn.impute import SimpleImputer
from sklearn.linear_model import ElasticNet
from sklearn.model_selection import KFold, cross_val_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler
from sklearn.svm import SVR

NUMERIC = [
    "instrument_age_years",
    "string_age_years",
    "pin_torque_nm",
    "room_rh_mean_pct",
    "room_rh_range_pct",
    "room_temp_mean_c",
    "hours_played_weekly",
    "months_since_prev_tuning",
    "pitch_raise_cents_at_prev",
    "distance_to_radiator_m",
]
CATEGORICAL = ["case_type", "maker", "room_floor", "heating_type", "climate_control"]
TARGET = "mean_drift_cents_6mo"


def load_service_book(path):
    df = pd.read_csv(path)
    df = df.sort_values("service_date").groupby("piano_id", as_index=False).tail(1)
    df = df[df["followup_measured"] == 1]
    df["maker"] = df["maker"].str.strip().str.title()
    df["climate_control"] = df["climate_control"].fillna("none")
    return df


pianos = load_service_book("technician_app/service_book.csv")
print(pianos.shape)
print(pianos[TARGET].describe().round(2))

prep = ColumnTransformer(
    [
        ("num", make_pipeline(SimpleImputer(strategy="median"), StandardScaler()), NUMERIC),
        ("cat", OneHotEncoder(handle_unknown="infrequent_if_exist", min_frequency=15, sparse_output=False), CATEGORICAL),
    ]
)
X = pianos[NUMERIC + CATEGORICAL]
y = pianos[TARGET].to_numpy()

candidates = {
    "median_only": DummyRegressor(strategy="median"),
    "elastic_net": ElasticNet(alpha=0.05, l1_ratio=0.3, max_iter=5000),
    "svr_rbf": SVR(C=3.0, epsilon=0.5, gamma="scale"),
    "forest": RandomForestRegressor(n_estimators=500, min_samples_leaf=5, n_jobs=-1, random_state=4),
}

cv = KFold(n_splits=10, shuffle=True, random_state=4)
report = []
for name, est in candidates.items():
    est = make_pipeline(clone(prep), est)
    mae = -cross_val_score(est, X, y, cv=cv, scoring="neg_mean_absolute_error")
    r2 = cross_val_score(est, X, y, cv=cv, scoring="r2")
    report.append({"model": name, "mae_mean": mae.mean(), "mae_sd": mae.std(), "r2_mean": r2.mean()})

report = pd.DataFrame(report).set_index("model").round(3)
print(report)
report["mae_gain_vs_median"] = report.loc["median_only", "mae_mean"] - report["mae_mean"]
print(report[["mae_gain_vs_median"]].drop(index="median_only"))
