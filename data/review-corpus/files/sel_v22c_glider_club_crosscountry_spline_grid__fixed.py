# label: leakage/none
import numpy as np
import pandas as pd
import matplotlib.pyplot as plt
from sklearn.compose import ColumnTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import RocCurveDisplay, roc_auc_score
from sklearn.model_selection import GridSearchCV, StratifiedKFold, train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, SplineTransformer, StandardScaler

CFG = {
    "flights": "data/club_flights_2019_2024.parquet",
    "target": "completed_task",
    "seed": 3,
    "test_size": 0.25,
}
SMOOTH = ["launch_hour", "cloudbase_m", "climb_rate_ms", "wind_kts", "pilot_hours"]
LINEAR = ["task_km", "glider_handicap", "ballast_kg"]
CATEG = ["launch_method", "glider_class", "airfield"]


def read_flights(path):
    df = pd.read_parquet(path)
    df = df[df["task_km"] >= 100]
    df["launch_hour"] = pd.to_datetime(df["launch_time"]).dt.hour + pd.to_datetime(df["launch_time"]).dt.minute / 60
    df["pilot_hours"] = np.log1p(df["pilot_hours"])
    df["ballast_kg"] = df["ballast_kg"].fillna(0)
    return df.dropna(subset=SMOOTH + LINEAR + CATEG + [CFG["target"]])


def build_pipeline():
    pre = ColumnTransformer([
        ("spl", SplineTransformer(n_knots=5, degree=3), SMOOTH),
        ("lin", StandardScaler(), LINEAR),
        ("cat", OneHotEncoder(handle_unknown="ignore"), CATEG),
    ])
    return Pipeline([("pre", pre), ("clf", LogisticRegression(max_iter=2000))])


flights = read_flights(CFG["flights"])
print(flights[CFG["target"]].value_counts(normalize=True))

X = flights[SMOOTH + LINEAR + CATEG]
y = flights[CFG["target"]].astype(int)
X_train, X_test, y_train, y_test = train_test_split(
    X, y, test_size=CFG["test_size"], stratify=y, random_state=CFG["seed"]
)

param_grid = {
    "pre__spl__n_knots": [3, 4, 5, 7, 9],
    "pre__spl__degree": [2, 3],
    "clf__C": [0.03, 0.1, 0.3, 1.0, 3.0],
}

folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=CFG["seed"])

search = GridSearchCV(
    build_pipeline(),
    param_grid,
    scoring="roc_auc",
    cv=folds,
    refit=False,
    n_jobs=-1,
)
search.fit(X_train, y_train)
print("best params:", search.best_params_)

results = pd.DataFrame(search.cv_results_)
top = results.sort_values("rank_test_score").head(8)
print(top[["params", "mean_test_score"]].to_string(index=False))

final = build_pipeline().set_params(**search.best_params_)
final.fit(X_train, y_train)
proba = final.predict_proba(X_test)[:, 1]
print(f"test ROC AUC: {roc_auc_score(y_test, proba):.3f}")

fig, ax = plt.subplots(figsize=(5, 5))
RocCurveDisplay.from_predictions(y_test, proba, ax=ax, name="spline logit")
ax.set_title("Task completion, held-out flights")
fig.savefig("figures/task_completion_roc.png", dpi=120)
