# label: leakage/none
"""Which second-hand outboard motors fail the marine surveyor's inspection?

Dealers send trade-ins to a surveyor before resale. The model uses the intake
sheet (make, age, logged hours, compression readings, water type, prior
owner count) to predict whether the engine will be condemned for parts.
"""
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import balanced_accuracy_score, classification_report, roc_auc_score
from sklearn.model_selection import GridSearchCV, StratifiedKFold, train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

NUMERIC = [
    "age_years", "engine_hours", "rated_hp", "owners",
    "compression_min_psi", "compression_spread_psi", "lower_unit_oil_milky",
    "months_since_service", "prop_strike_marks",
]
CATEGORICAL = ["make", "stroke_type", "water_type", "shaft_length", "intake_dealer"]


def load_intake(path):
    df = pd.read_csv(path)
    df = df[df["survey_outcome"].isin(["resale", "repair", "condemned"])]
    df["condemned"] = (df["survey_outcome"] == "condemned").astype(int)
    df["compression_spread_psi"] = df["compression_max_psi"] - df["compression_min_psi"]
    df["engine_hours"] = df["engine_hours"].where(df["hour_meter_working"] == 1)
    return df


def build_preprocessor():
    numeric = Pipeline([
        ("impute", SimpleImputer(strategy="median", add_indicator=True)),
        ("scale", StandardScaler()),
    ])
    categorical = Pipeline([
        ("impute", SimpleImputer(strategy="most_frequent")),
        ("onehot", OneHotEncoder(handle_unknown="ignore", min_frequency=10)),
    ])
    return ColumnTransformer([
        ("num", numeric, NUMERIC),
        ("cat", categorical, CATEGORICAL),
    ])


intake = load_intake("data/outboard_survey_intake.csv")
X = intake[NUMERIC + CATEGORICAL]
y = intake["condemned"]
print(f"{len(intake)} engines surveyed, {y.mean():.1%} condemned")

X_train, X_test, y_train, y_test = train_test_split(
    X, y, test_size=0.25, stratify=y, random_state=17
)

model = Pipeline([
    ("prep", build_preprocessor()),
    ("clf", LogisticRegression(max_iter=2000, class_weight="balanced")),
])

search = GridSearchCV(
    model,
    param_grid={"clf__C": [0.01, 0.03, 0.1, 0.3, 1.0, 3.0], "clf__penalty": ["l1", "l2"],
                "clf__solver": ["liblinear"]},
    scoring="roc_auc",
    cv=StratifiedKFold(n_splits=5, shuffle=True, random_state=17),
    n_jobs=-1,
)
search.fit(X_train, y_train)
print("best params:", search.best_params_, f"cv AUC {search.best_score_:.3f}")

proba = search.predict_proba(X_test)[:, 1]
pred = search.predict(X_test)
print(f"test ROC AUC          : {roc_auc_score(y_test, proba):.3f}")
print(f"test balanced accuracy: {balanced_accuracy_score(y_test, pred):.3f}")
print(classification_report(y_test, pred, target_names=["keep", "condemned"], digits=3))
