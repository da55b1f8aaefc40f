# label: leakage/selection
# twin: sel_telecom_churn__fixed.py
# source: hand-written for ai-ci held-out v10 (Apache-2.0)
import pandas as pd
import lightgbm as lgb
from sklearn.model_selection import train_test_split
from sklearn.metrics import roc_auc_score, average_precision_score

DATA_PATH = "data/telecom_customers_2023.parquet"
CATEGORICAL = ["plan_type", "region", "payment_method", "contract_length"]


def load_frame(path):
    df = pd.read_parquet(path)
    df = df.drop(columns=["customer_id"])
    for col in CATEGORICAL:
        df[col] = df[col].astype("category")
    return df


df = load_frame(DATA_PATH)
y = df.pop("churned_next_quarter")
X = df

X_train, X_test, y_train, y_test = train_test_split(
    X, y, test_size=0.2, stratify=y, random_state=7
)

model = lgb.LGBMClassifier(
    objective="binary",
    learning_rate=0.03,
    num_leaves=63,
    min_child_samples=40,
    subsample=0.8,
    subsample_freq=1,
    colsample_bytree=0.7,
    n_estimators=5000,
)
model.fit(
    X_train,
    y_train,
    eval_set=[(X_test, y_test)],
    eval_metric="auc",
    callbacks=[lgb.early_stopping(stopping_rounds=100), lgb.log_evaluation(200)],
)

proba = model.predict_proba(X_test, num_iteration=model.best_iteration_)[:, 1]
print(f"best iteration: {model.best_iteration_}")
print(f"test ROC AUC: {roc_auc_score(y_test, proba):.4f}")
print(f"test PR AUC:  {average_precision_score(y_test, proba):.4f}")
