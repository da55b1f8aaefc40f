# label: leakage/none
import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.metrics import accuracy_score, classification_report, confusion_matrix
from sklearn.model_selection import train_test_split

DATA = "data/cork_planks_2019_2023.csv"
GRADE_ORDER = ["refugo", "6a", "4a_5a", "2a_3a", "1a_flor"]
BIN_COLS = {"bark_thickness_mm": 8, "circumference_cm": 6, "stripping_height_m": 5}
NUM_COLS = ["years_since_stripping", "porosity_coeff", "density_kg_m3", "moisture_pct",
            "slope_deg", "stand_density_ha", "lenticel_count_dm2", "green_stain_pct"]
PARAMS = {
    "objective": "multi:softprob",
    "n_estimators": 450,
    "max_depth": 4,
    "learning_rate": 0.05,
    "subsample": 0.9,
    "colsample_bytree": 0.8,
    "eval_metric": "mlogloss",
    "random_state": 8,
}


def tidy(df):
    df = df.copy()
    df["grade"] = pd.Categorical(df["grade"], categories=GRADE_ORDER, ordered=True)
    df = df[df["grade"].notna()]
    df["aspect_north"] = df["aspect"].isin(["N", "NE", "NW"]).astype(int)
    df["strip_month"] = pd.to_datetime(df["stripped_on"]).dt.month
    return df


def fit_bins(df, spec):
    edges = {}
    for col, q in spec.items():
        _, e = pd.qcut(df[col], q=q, retbins=True, duplicates="drop")
        e[0], e[-1] = -np.inf, np.inf
        edges[col] = e
    return edges


def add_bins(df, edges):
    out = df.copy()
    for col, e in edges.items():
        out[f"{col}_bin"] = pd.cut(out[col], bins=e, labels=False)
    return out


planks = tidy(pd.read_csv(DATA))
print(planks["grade"].value_counts().sort_index())
print(planks[list(BIN_COLS)].describe().T.round(1))

features = NUM_COLS + ["aspect_north", "strip_month"] + [f"{c}_bin" for c in BIN_COLS]

train, test = train_test_split(planks, test_size=0.25, stratify=planks["grade"], random_state=8)
edges = fit_bins(train, BIN_COLS)
train, test = add_bins(train, edges), add_bins(test, edges)
y_train = train["grade"].cat.codes
y_test = test["grade"].cat.codes

model = xgb.XGBClassifier(**PARAMS)
model.fit(train[features], y_train)
proba = model.predict_proba(test[features])
pred = proba.argmax(axis=1)

print("accuracy:", round(accuracy_score(y_test, pred), 4))
within_one = np.mean(np.abs(pred - y_test.to_numpy()) <= 1)
print("within one grade:", round(within_one, 4))
print(classification_report(y_test, pred, target_names=GRADE_ORDER, digits=3))
cm = pd.DataFrame(confusion_matrix(y_test, pred), index=GRADE_ORDER, columns=GRADE_ORDER)
print(cm)

gain = model.get_booster().get_score(importance_type="gain")
print(pd.Series(gain).sort_values(ascending=False).head(12).round(2))
