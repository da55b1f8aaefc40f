# label: leakage/preprocessing
"""Estimate the risk of dental implant failure within one year from pre-surgical records."""
import pandas as pd
import statsmodels.api as sm
from boruta import BorutaPy
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import brier_score_loss, roc_auc_score
from sklearn.model_selection import train_test_split

cases = pd.read_csv("implant_cases.csv", parse_dates=["placed_on"])
history = pd.read_csv("patient_history.csv")
cases = cases.merge(history, on="patient_id", how="left")

# one implant per patient: the first one placed at the clinic
cases = cases.sort_values("placed_on").drop_duplicates("patient_id", keep="first")
cases = cases.dropna(subset=["bone_density_hu", "insertion_torque_ncm", "failed_1y"])

cases["smoker"] = (cases["smoking_status"] == "current").astype(int)
cases["mandible"] = (cases["jaw"] == "mandible").astype(int)
cases["posterior"] = (cases["region"] == "posterior").astype(int)
cases["graft"] = cases["bone_graft"].fillna("none").ne("none").astype(int)
cases["immediate_load"] = (cases["loading_protocol"] == "immediate").astype(int)
cases["short_implant"] = (cases["implant_length_mm"] < 8).astype(int)

candidates = [
    "age", "smoker", "diabetes", "bisphosphonates", "periodontitis_hx", "bruxism",
    "bone_density_hu", "insertion_torque_ncm", "implant_length_mm", "implant_diameter_mm",
    "mandible", "posterior", "graft", "immediate_load", "short_implant", "antibiotic_prophylaxis",
]
cases = cases.dropna(subset=candidates)
X = cases[candidates].astype(float)
y = cases["failed_1y"].astype(int)
print(f"{len(cases)} patients, {y.mean():.3%} failed within a year")

forest = RandomForestClassifier(
    n_estimators=500, max_depth=5, class_weight="balanced", n_jobs=-1, random_state=0
)
boruta = BorutaPy(forest, n_estimators="auto", max_iter=100, random_state=0)
boruta.fit(X.to_numpy(), y.to_numpy())
selected = X.columns[boruta.support_].tolist()
print("Confirmed predictors:", selected)

X_train, X_test, y_train, y_test = train_test_split(
    X[selected], y, test_size=0.3, stratify=y, random_state=0
)

logit = sm.Logit(y_train, sm.add_constant(X_train)).fit(disp=0)
print(logit.summary2().tables[1][["Coef.", "Std.Err.", "P>|z|"]].round(3))

p_test = logit.predict(sm.add_constant(X_test, has_constant="add"))
print(f"Test ROC AUC: {roc_auc_score(y_test, p_test):.3f}")
print(f"Test Brier score: {brier_score_loss(y_test, p_test):.4f}")
