# label: leakage/none
# twin: pre_quantile_knn_manual_folds__leaky.py
# source: hand-written for ai-ci held-out v6 (Apache-2.0)
import numpy as np
import pandas as pd
from sklearn.model_selection import KFold
from sklearn.neighbors import KNeighborsRegressor
from sklearn.preprocessing import QuantileTransformer

wine = pd.read_csv("data/winequality-red.csv", sep=";")
X = wine.drop(columns="quality").to_numpy(dtype=float)
y = wine["quality"].to_numpy(dtype=float)

kf = KFold(n_splits=10, shuffle=True, random_state=0)
fold_rmse = []
for fold, (tr, te) in enumerate(kf.split(X)):
    # skewed chemistry measurements -> uniform margins so kNN distances are comparable
    qt = QuantileTransformer(n_quantiles=200, output_distribution="uniform", random_state=0)
    X_tr = qt.fit_transform(X[tr])
    X_te = qt.transform(X[te])
    knn = KNeighborsRegressor(n_neighbors=15, weights="distance")
    knn.fit(X_tr, y[tr])
    err = knn.predict(X_te) - y[te]
    fold_rmse.append(np.sqrt(np.mean(err ** 2)))
    print(f"fold {fold}: RMSE {fold_rmse[-1]:.3f}")

print(f"10-fold RMSE {np.mean(fold_rmse):.3f} +/- {np.std(fold_rmse):.3f}")
