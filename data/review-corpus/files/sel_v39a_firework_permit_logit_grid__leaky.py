# label: leakage/selection
# Fire marshal's office: score incoming public-display firework permit
# applications for likely approval so reviewers can triage the queue.
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import RandomForestClassifier
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import classification_report, f1_score, roc_auc_score
from sklearn.model_selection import cross_val_score, train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

apps = pd.read_csv("permits/firework_applications_2016_2023.csv", parse_dates=["submitted"])
apps = apps[apps["status"].isin(["approved", "denied"])]
apps["approved"] = (apps["status"] == "approved").astype(int)

apps["lead_days"] = (pd.to_datetime(apps["event_date"]) - apps["submitted"]).dt.days
apps["submit_month"] = apps["submitted"].dt.month
apps["shell_ratio"] = apps["aerial_shells"] / (apps["total_items"] + 1)

numeric = [
    "lead_days", "max_shell_in", "total_items", "shell_ratio",
    "site_clearance_m", "crowd_estimate", "operator_years_licensed",
    "hydrant_distance_m",
]
categorical = ["county", "event_type", "site_surface", "submit_month"]

X = apps[numeric + categorical]
y = apps["approved"]
X_train, X_test, y_train, y_test = train_test_split(
    X, y, test_size=0.25, stratify=y, random_state=42
)

prep = ColumnTransformer([
    ("num", Pipeline([("impute", SimpleImputer(strategy="median")),
                      ("scale", StandardScaler())]), numeric),
    ("cat", Pipeline([("impute", SimpleImputer(strategy="most_frequent")),
                      ("onehot", OneHotEncoder(handle_unknown="ignore"))]), categorical),
])

candidates = {
    "logit_C0.01": LogisticRegression(C=0.01, max_iter=2000, class_weight="balanced"),
    "logit_C0.1": LogisticRegression(C=0.1, max_iter=2000, class_weight="balanced"),
    "logit_C1": LogisticRegression(C=1.0, max_iter=2000, class_weight="balanced"),
    "logit_C10": LogisticRegression(C=10.0, max_iter=2000, class_weight="balanced"),
    "rf_300_d8": RandomForestClassifier(n_estimators=300, max_depth=8,
                                        class_weight="balanced", random_state=0, n_jobs=-1),
    "rf_300_full": RandomForestClassifier(n_estimators=300, min_samples_leaf=3,
                                          class_weight="balanced", random_state=0, n_jobs=-1),
}

scores = {}
for name, clf in candidates.items():
    pipe = Pipeline([("prep", prep), ("clf", clf)])
    pipe.fit(X_train, y_train)
    scores[name] = f1_score(y_test, pipe.predict(X_test), average="macro")
    print(f"{name:12s} macro-F1 = {scores[name]:.4f}")

best_name = max(scores, key=scores.get)
print(f"\nSelected: {best_name}")

final = Pipeline([("prep", prep), ("clf", candidates[best_name])])
final.fit(X_train, y_train)
pred = final.predict(X_test)
proba = final.predict_proba(X_test)[:, 1]

print(f"Test macro-F1: {f1_score(y_test, pred, average='macro'):.4f}")
print(f"Test ROC AUC : {roc_auc_score(y_test, proba):.4f}")
print(classification_report(y_test, pred, target_names=["denied", "approved"]))

by_county = (
    X_test.assign(y=y_test.values, p=proba)
    .groupby("county")
    .agg(n=("y", "size"), approval_rate=("y", "mean"), mean_score=("p", "mean"))
    .sort_values("n", ascending=False)
)
print(by_county.head(10).round(3))
