# label: leakage/none
"""Which scheduled home-care visits will overrun their slot by more than
15 minutes. Trained on last year's rota exports, evaluated on Q1."""
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

TRAIN_FILES = [f"exports/rota_2023_{m:02d}.csv" for m in range(1, 13)]
TEST_FILES = ["exports/rota_2024_01.csv", "exports/rota_2024_02.csv", "exports/rota_2024_03.csv"]

NUM_COLS = [
    "scheduled_minutes", "tasks_on_plan", "client_age", "mobility_score",
    "carer_tenure_months", "travel_minutes_prev", "visits_today_carer",
    "client_visits_last_30d", "meds_prompt_count",
]
CAT_COLS = ["visit_type", "care_package", "area_code", "carer_grade", "slot_band", "double_up"]


def read_exports(paths):
    frames = []
    for p in paths:
        part = pd.read_csv(p, parse_dates=["scheduled_start"])
        part["source_file"] = p
        frames.append(part)
    df = pd.concat(frames, ignore_index=True)
    df["slot_band"] = pd.cut(df["scheduled_start"].dt.hour, [0, 9, 12, 17, 24],
                             labels=["early", "morning", "afternoon", "evening"],
                             right=False).astype(str)
    df["double_up"] = df["carers_assigned"].gt(1).map({True: "yes", False: "no"})
    df["overran"] = (df["actual_minutes"] - df["scheduled_minutes"] > 15).astype(int)
    return df.drop(columns=["actual_minutes", "checkout_time"])


def build_design(frame):
    prep = ColumnTransformer([
        ("num", make_pipeline(SimpleImputer(strategy="median"), StandardScaler()), NUM_COLS),
        ("cat", make_pipeline(SimpleImputer(strategy="most_frequent"),
                              OneHotEncoder(handle_unknown="infrequent_if_exist",
                                            min_frequency=25)), CAT_COLS),
    ])
    matrix = prep.fit_transform(frame[NUM_COLS + CAT_COLS])
    return prep, matrix


train_df = read_exports(TRAIN_FILES)
test_df = read_exports(TEST_FILES)
print("visits:", len(train_df), len(test_df), "overrun rate:", round(train_df["overran"].mean(), 3))

prep, X_train = build_design(train_df)
X_test = prep.transform(test_df[NUM_COLS + CAT_COLS])
y_train = train_df["overran"].to_numpy()
y_test = test_df["overran"].to_numpy()

clf = LogisticRegression(C=0.3, class_weight="balanced", max_iter=3000)
clf.fit(X_train, y_train)
p = clf.predict_proba(X_test)[:, 1]
print(f"Q1 ROC AUC {roc_auc_score(y_test, p):.4f}   AP {average_precision_score(y_test, p):.4f}")

coef = pd.Series(clf.coef_.ravel(), index=prep.get_feature_names_out())
print(coef.sort_values(key=abs, ascending=False).head(15).round(3))

monthly = (test_df.assign(p=p).groupby(test_df["scheduled_start"].dt.month)
           .apply(lambda g: pd.Series({"n": len(g), "auc": roc_auc_score(g["overran"], g["p"])})))
print(monthly)
