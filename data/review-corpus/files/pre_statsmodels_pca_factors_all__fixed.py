# label: leakage/none
# twin: pre_statsmodels_pca_factors_all__leaky.py
# source: hand-written for ai-ci held-out v4 (Apache-2.0)
import pandas as pd
import statsmodels.api as sm
from statsmodels.multivariate.pca import PCA

macro = pd.read_csv("macro_indicators_quarterly.csv", index_col="quarter", parse_dates=True)
indicators = macro.drop(columns=["gdp_growth"])
split = macro.index < "2016-01-01"

train_ind = indicators[split]
pc = PCA(train_ind, ncomp=4, standardize=True)
mu, sd = train_ind.mean(), train_ind.std(ddof=0)
factors = (((indicators - mu) / sd) @ pc.loadings).add_prefix("f_")

X_train = sm.add_constant(factors[split])
X_test = sm.add_constant(factors[~split])
y_train, y_test = macro.loc[split, "gdp_growth"], macro.loc[~split, "gdp_growth"]

ols = sm.OLS(y_train, X_train).fit()
pred = ols.predict(X_test)
print(ols.summary())
print("out-of-sample RMSE:", ((y_test - pred) ** 2).mean() ** 0.5)
