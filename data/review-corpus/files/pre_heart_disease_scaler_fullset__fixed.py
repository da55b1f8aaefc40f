# label: leakage/none
# twin: pre_heart_disease_scaler_fullset__leaky.py
# source: hand-written for ai-ci held-out v8 (Apache-2.0)
import pandas as pd
from sklearn.metrics import accuracy_score, confusion_matrix
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVC

heart = pd.read_csv("heart_cleveland.csv")
heart = heart.replace("?", pd.NA).dropna().astype(float)
target = (heart.pop("num") > 0).astype(int)

numeric = ["age", "trestbps", "chol", "thalach", "oldpeak"]
X_train, X_test, y_train, y_test = train_test_split(
    heart, target, test_size=0.25, stratify=target, random_state=0
)
X_train, X_test = X_train.copy(), X_test.copy()
scaler = StandardScaler()
X_train[numeric] = scaler.fit_transform(X_train[numeric])
X_test[numeric] = scaler.transform(X_test[numeric])
svc = SVC(C=1.0, kernel="rbf", gamma="scale")
svc.fit(X_train, y_train)
pred = svc.predict(X_test)
print("accuracy:", accuracy_score(y_test, pred))
print(confusion_matrix(y_test, pred))
