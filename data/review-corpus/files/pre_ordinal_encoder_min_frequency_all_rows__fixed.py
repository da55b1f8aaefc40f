# label: leakage/none
# twin: pre_ordinal_encoder_min_frequency_all_rows__leaky.py
# source: hand-written for ai-ci held-out v5 (Apache-2.0)
import pandas as pd
from sklearn.compose import make_column_transformer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OrdinalEncoder

bank = pd.read_csv("bank_marketing.csv", sep=";")
y = (bank.pop("y") == "yes").astype(int)
bank = bank.drop(columns=["duration"])
cat_cols = ["job", "marital", "education", "default", "housing", "loan", "contact", "month", "poutcome"]

X_train, X_test, y_train, y_test = train_test_split(bank, y, test_size=0.25, stratify=y, random_state=6)
enc = make_column_transformer(
    (OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=-1, min_frequency=50), cat_cols),
    remainder="passthrough",
)
clf = make_pipeline(enc, LogisticRegression(max_iter=3000)).fit(X_train, y_train)
print("AUC", roc_auc_score(y_test, clf.predict_proba(X_test)[:, 1]))
