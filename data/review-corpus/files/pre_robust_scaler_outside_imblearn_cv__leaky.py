# label: leakage/preprocessing
# twin: pre_robust_scaler_outside_imblearn_cv__fixed.py
# source: hand-written for ai-ci held-out v4 (Apache-2.0)
import pandas as pd
from imblearn.over_sampling import BorderlineSMOTE
from imblearn.pipeline import Pipeline
from sklearn.model_selection import RepeatedStratifiedKFold, cross_validate
from sklearn.preprocessing import RobustScaler
from sklearn.svm import SVC

df = pd.read_csv("machine_failures.csv")
X = df.drop(columns=["failure", "udi", "product_id"]).select_dtypes("number")
y = df["failure"]
X_scaled = RobustScaler().fit_transform(X)

model = Pipeline(
    [
        ("smote", BorderlineSMOTE(random_state=0)),
        ("svc", SVC(C=3.0, gamma="scale", class_weight="balanced")),
    ]
)
cv = RepeatedStratifiedKFold(n_splits=5, n_repeats=3, random_state=0)
res = cross_validate(model, X_scaled, y, cv=cv, scoring=["recall", "precision", "f1"])
for k in ("test_recall", "test_precision", "test_f1"):
    print(k, res[k].mean().round(3))
