# label: leakage/selection
# twin: sel_catboost_default_best_iteration__fixed.py
# source: hand-written for ai-ci, tuning part of round 5 (Apache-2.0)
import pandas as pd
from catboost import CatBoostClassifier, Pool
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import train_test_split

loans = pd.read_csv("loan_applications.csv")
cat_cols = ["purpose", "home_ownership", "grade"]
X, y = loans.drop(columns=["defaulted"]), loans["defaulted"]
X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.2, stratify=y, random_state=12)

model = CatBoostClassifier(iterations=3000, learning_rate=0.03, depth=6, verbose=200)
# eval_set given: CatBoost keeps the iteration with the best test loss
model.fit(Pool(X_tr, y_tr, cat_features=cat_cols), eval_set=Pool(X_te, y_te, cat_features=cat_cols))
print("test AUC:", roc_auc_score(y_te, model.predict_proba(X_te)[:, 1]))
