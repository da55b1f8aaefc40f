# label: leakage/preprocessing
# twin: pre_v12_wine_scaler_knn__fixed.py
# source: hand-written for ai-ci held-out v12 (Apache-2.0)
from sklearn.datasets import load_wine
from sklearn.metrics import accuracy_score, confusion_matrix
from sklearn.model_selection import train_test_split
from sklearn.neighbors import KNeighborsClassifier
from sklearn.preprocessing import StandardScaler

X, y = load_wine(return_X_y=True)

scaler = StandardScaler()
X = scaler.fit_transform(X)
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.3, stratify=y, random_state=11)

knn = KNeighborsClassifier(n_neighbors=7, weights="distance")
knn.fit(X_train, y_train)
pred = knn.predict(X_test)

print("accuracy:", accuracy_score(y_test, pred))
print(confusion_matrix(y_test, pred))
