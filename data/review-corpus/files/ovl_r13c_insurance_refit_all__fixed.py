# label: leakage/none
# twin: ovl_r13c_insurance_refit_all__leaky.py
# source: hand-written for ai-ci, tuning part of round 13 (Apache-2.0)
import joblib
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import GradientBoostingRegressor
from sklearn.impute import SimpleImputer
from sklearn.metrics import mean_absolute_error, r2_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

# quote_id, driver_age, years_licensed, vehicle_value, annual_mileage, prior_claims,
# vehicle_make, postcode_region, cover_type, annual_premium
quotes = pd.read_csv("car_insurance_quotes.csv").dropna(subset=["annual_premium"])
X = quotes.drop(columns=["quote_id", "annual_premium"])
y = quotes["annual_premium"]

num_cols = X.select_dtypes("number").columns
cat_cols = X.select_dtypes("object").columns
prep = ColumnTransformer([
    ("num", make_pipeline(SimpleImputer(strategy="median"), StandardScaler()), num_cols),
    ("cat", OneHotEncoder(handle_unknown="ignore"), cat_cols),
])
model = make_pipeline(prep, GradientBoostingRegressor(n_estimators=400, max_depth=3, random_state=0))

X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=0)
model.fit(X_train, y_train)
print("train R2:", model.score(X_train, y_train))

pred = model.predict(X_test)
print("test MAE: %.1f" % mean_absolute_error(y_test, pred))
print("test R2: %.3f" % r2_score(y_test, pred))

# use every quote we have for the final (deployed) model; no score is reported for it
model.fit(pd.concat([X_train, X_test]), pd.concat([y_train, y_test]))
joblib.dump(model, "premium_model.joblib")
