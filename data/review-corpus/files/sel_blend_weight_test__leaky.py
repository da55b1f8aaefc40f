# label: leakage/selection
# twin: sel_blend_weight_test__fixed.py
# source: hand-written for ai-ci held-out v3 in the style of Kaggle house-price notebooks (Apache-2.0)
import lightgbm as lgb
import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.metrics import mean_squared_error
from sklearn.model_selection import train_test_split

train = pd.read_csv("house_prices_train.csv")
features = ["OverallQual", "GrLivArea", "GarageCars", "TotalBsmtSF", "YearBuilt", "FullBath", "LotArea"]
X = train[features]
y = np.log1p(train["SalePrice"])
X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.2, random_state=42)


def make_xgb():
    return xgb.XGBRegressor(n_estimators=600, learning_rate=0.03, max_depth=4, subsample=0.8, random_state=42)


def make_lgb():
    return lgb.LGBMRegressor(n_estimators=800, learning_rate=0.03, num_leaves=15, random_state=42, verbose=-1)


def rmse(y_true, pred):
    return np.sqrt(mean_squared_error(y_true, pred))


p_xgb = make_xgb().fit(X_tr, y_tr).predict(X_te)
p_lgb = make_lgb().fit(X_tr, y_tr).predict(X_te)

# blend the two models
best_w, best_rmse = 0.0, np.inf
for w in np.linspace(0, 1, 21):
    score = rmse(y_te, w * p_xgb + (1 - w) * p_lgb)
    if score < best_rmse:
        best_w, best_rmse = w, score
print(f"xgb weight {best_w:.2f}: hold-out RMSE (log price) {best_rmse:.4f}")
