# label: leakage/preprocessing
# twin: pre_pca_gas_sensor_components__fixed.py
# source: hand-written for ai-ci held-out v8 (Apache-2.0)
import numpy as np
from sklearn.decomposition import PCA
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score
from sklearn.model_selection import train_test_split

data = np.load("gas_sensor_array.npz")
readings, gas_labels = data["X"], data["y"]
print("raw shape", readings.shape)


def summarize(name, model, X, y):
    pred = model.predict(X)
    print(f"{name}: macro F1 = {f1_score(y, pred, average='macro'):.3f}")


pca = PCA(n_components=24, whiten=True, random_state=0)
components = pca.fit_transform(readings)
print("explained variance", pca.explained_variance_ratio_.sum().round(3))

X_train, X_test, y_train, y_test = train_test_split(
    components, gas_labels, test_size=0.3, stratify=gas_labels, random_state=0
)
logreg = LogisticRegression(max_iter=3000, C=2.0)
logreg.fit(X_train, y_train)
summarize("train", logreg, X_train, y_train)
summarize("test", logreg, X_test, y_test)
