# label: leakage/target
"""Predict whether a paddy rice lot will mill to premium grade (low chalkiness) from field and drying records."""
import pandas as pd
import xgboost as xgb
from sklearn.metrics import f1_score, roc_auc_score

lots = pd.read_csv("paddy_lots.csv", parse_dates=["harvested_on"])
fields = pd.read_csv("field_register.csv")
intake = pd.read_csv("mill_intake_log.csv")

df = lots.merge(fields, on="field_id", how="left")
df = df.merge(intake[["lot_id", "silo_code"]], on="lot_id", how="left")
df = df.dropna(subset=["chalky_kernel_pct", "harvest_moisture_pct"])
df = df[df["lot_tonnes"] > 0.5]

df["premium"] = (df["chalky_kernel_pct"] < 6.0).astype(int)
df["season"] = df["harvested_on"].dt.year
df["harvest_delay_days"] = (df["harvested_on"] - pd.to_datetime(df["maturity_date"])).dt.days
df["drying_rate"] = (df["harvest_moisture_pct"] - df["target_moisture_pct"]) / df["drying_hours"]

NUM = [
    "harvest_moisture_pct", "night_temp_grainfill_c", "nitrogen_kg_ha", "drying_air_temp_c",
    "drying_hours", "drying_rate", "harvest_delay_days", "lodging_score", "soil_clay_pct",
]
CAT = ["variety", "region", "dryer_line", "silo_code"]

train = df[df["season"] < 2023].copy()
test = df[df["season"] == 2023].copy()


def model_frame(frame, reference):
    X = frame[NUM + CAT].copy()
    for col in CAT:
        X[col] = pd.Categorical(X[col], categories=sorted(reference[col].dropna().unique()))
    return X


X_train, X_test = model_frame(train, train), model_frame(test, train)
y_train, y_test = train["premium"], test["premium"]

clf = xgb.XGBClassifier(
    n_estimators=400,
    max_depth=4,
    learning_rate=0.05,
    subsample=0.8,
    colsample_bytree=0.8,
    tree_method="hist",
    enable_categorical=True,
    eval_metric="logloss",
    random_state=4,
)
clf.fit(X_train, y_train)

proba = clf.predict_proba(X_test)[:, 1]
print(f"2023 lots: {len(test)}, premium share {y_test.mean():.3f}")
print(f"ROC AUC: {roc_auc_score(y_test, proba):.3f}")
print(f"F1 at 0.5: {f1_score(y_test, (proba >= 0.5).astype(int)):.3f}")
gain = pd.Series(clf.get_booster().get_score(importance_type="gain"))
print(gain.sort_values(ascending=False).head(8))
