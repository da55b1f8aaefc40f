# label: leakage/preprocessing
# Landscaping firm: labour hours to dig and line a garden pond, for quoting.
import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.linear_model import Ridge
from sklearn.metrics import mean_absolute_error, r2_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

jobs = pd.read_excel("quotes/pond_jobs_2019_2024.xlsx", sheet_name="completed")
jobs = jobs[jobs["labour_hours"] > 0]

# geometry from the site survey
jobs["surface_m2"] = jobs["length_m"] * jobs["width_m"] * 0.85
jobs["excavation_m3"] = jobs["surface_m2"] * jobs["max_depth_m"] * 0.6
jobs["liner_m2"] = (jobs["length_m"] + 2 * jobs["max_depth_m"] + 0.6) * (
    jobs["width_m"] + 2 * jobs["max_depth_m"] + 0.6
)
jobs["log_excavation"] = np.log1p(jobs["excavation_m3"])

numeric = [
    "surface_m2",
    "excavation_m3",
    "log_excavation",
    "liner_m2",
    "max_depth_m",
    "shelves",
    "distance_to_skip_m",
    "slope_deg",
    "crew_size",
]
categorical = ["soil_type", "liner_type", "access", "edging", "pump_filter", "region"]

X = jobs[numeric + categorical]
y = jobs["labour_hours"]

preprocess = ColumnTransformer(
    [
        ("num", Pipeline([
            ("impute", SimpleImputer(strategy="median")),
            ("scale", StandardScaler()),
        ]), numeric),
        ("cat", Pipeline([
            ("impute", SimpleImputer(strategy="most_frequent")),
            ("onehot", OneHotEncoder(handle_unknown="ignore", min_frequency=5)),
        ]), categorical),
    ]
)

X_prepared = preprocess.fit_transform(X)

X_train, X_test, y_train, y_test = train_test_split(
    X_prepared, y, test_size=0.2, random_state=5
)

ridge = Ridge(alpha=3.0)
ridge.fit(X_train, y_train)
pred = ridge.predict(X_test)

print(f"jobs: {len(jobs)}  train: {X_train.shape[0]}  test: {X_test.shape[0]}")
print(f"MAE: {mean_absolute_error(y_test, pred):.2f} h")
print(f"R2:  {r2_score(y_test, pred):.3f}")
ratio = pred / y_test.to_numpy()
print(f"quotes within +/-20% of actual hours: {np.mean(np.abs(ratio - 1) <= 0.2):.1%}")

coefs = pd.Series(ridge.coef_, index=preprocess.get_feature_names_out())
print(coefs.reindex(coefs.abs().sort_values(ascending=False).index).head(12).round(2))
