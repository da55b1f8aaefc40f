# label: leakage/preprocessing
# twin: pre_sk_wine_scaling_before_split__fixed.py
# source: adapted from scikit-learn examples/preprocessing/plot_scaling_importance.py (BSD-3-Clause, (c) the scikit-learn developers)
from sklearn.datasets import load_wine
from sklearn.metrics import accuracy_score, log_loss
from sklearn.model_selection import train_test_split
from sklearn.neighbors import KNeighborsClassifier
from sklearn.preprocessing import StandardScaler

X, y = load_wine(return_X_y=True, as_frame=True)
scaler = StandardScaler().set_output(transform="pandas")
scaled_X = scaler.fit_transform(X)
X_train, X_test, y_train, y_test = train_test_split(scaled_X, y, test_size=0.30, random_state=42)

knn = KNeighborsClassifier(n_neighbors=20).fit(X_train, y_train)
y_pred = knn.predict(X_test)
print(f"Test accuracy with standard scaling: {accuracy_score(y_test, y_pred):.3f}")
print(f"Log-loss with standard scaling: {log_loss(y_test, knn.predict_proba(X_test)):.3f}")
