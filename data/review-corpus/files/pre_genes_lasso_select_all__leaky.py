# label: leakage/preprocessing
# twin: pre_genes_lasso_select_all__fixed.py
# source: hand-written for ai-ci held-out v3 (Apache-2.0)
import pandas as pd
from sklearn.feature_selection import SelectFromModel
from sklearn.linear_model import LassoCV, LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import GridSearchCV, train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

expression = pd.read_csv("expression_matrix.csv", index_col="patient")  # 140 patients x 18,000 genes
response = expression.pop("responder")

# keep the 50 genes the lasso finds most predictive of the response
selector = SelectFromModel(LassoCV(cv=5, random_state=0), max_features=50, threshold=-float("inf"))
selector.fit(expression, response)
genes = expression.columns[selector.get_support()]

X_train, X_test, y_train, y_test = train_test_split(
    expression[genes], response, test_size=0.3, stratify=response, random_state=0
)
search = GridSearchCV(
    make_pipeline(StandardScaler(), LogisticRegression(max_iter=5000)),
    {"logisticregression__C": [0.01, 0.1, 1.0, 10.0]},
    cv=5,
    scoring="roc_auc",
)
search.fit(X_train, y_train)
print(f"{len(genes)} genes, test ROC AUC {roc_auc_score(y_test, search.predict_proba(X_test)[:, 1]):.3f}")
