# label: leakage/overlap
# twin: ovl_smote_credit_scoring_split__fixed.py
# source: hand-written for ai-ci held-out v8 (Apache-2.0)
import pandas as pd
from imblearn.over_sampling import SMOTE
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import train_test_split

loans = pd.read_csv("give_me_some_credit.csv", index_col=0)
loans = loans.fillna({"MonthlyIncome": 0, "NumberOfDependents": 0})
y = loans.pop("SeriousDlqin2yrs")
X = loans

print("positive rate before resampling:", y.mean().round(4))
X_res, y_res = SMOTE(k_neighbors=5, random_state=3).fit_resample(X, y)

X_train, X_test, y_train, y_test = train_test_split(
    X_res, y_res, test_size=0.2, stratify=y_res, random_state=3
)

forest = RandomForestClassifier(n_estimators=300, min_samples_leaf=5, n_jobs=-1, random_state=3)
forest.fit(X_train, y_train)
scores = forest.predict_proba(X_test)[:, 1]
print("ROC AUC", roc_auc_score(y_test, scores))
print("PR AUC ", average_precision_score(y_test, scores))
