# label: leaky preprocessing
# source: hand-written for ai-ci, held-out v9 (Apache-2.0)
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import OneHotEncoder, StandardScaler

bank = pd.read_csv("data/bank_marketing_additional.csv", sep=";")
y = (bank["y"] == "yes").astype(int)

categorical = ["job", "marital", "education", "default", "housing", "loan",
               "contact", "month", "day_of_week", "poutcome"]
numeric = ["age", "campaign", "pdays", "previous", "emp.var.rate",
           "cons.price.idx", "cons.conf.idx", "euribor3m", "nr.employed"]
X = bank[categorical + numeric]

preprocess = ColumnTransformer([
    ("cat", OneHotEncoder(handle_unknown="infrequent_if_exist", min_frequency=20), categorical),
    ("num", StandardScaler(), numeric),
])
X_enc = preprocess.fit_transform(X)

X_train, X_test, y_train, y_test = train_test_split(
    X_enc, y, test_size=0.25, stratify=y, random_state=10
)

clf = LogisticRegression(C=0.8, class_weight="balanced", max_iter=3000)
clf.fit(X_train, y_train)

scores = clf.predict_proba(X_test)[:, 1]
print(f"ROC AUC: {roc_auc_score(y_test, scores):.4f}")
print(f"PR AUC:  {average_precision_score(y_test, scores):.4f}")
