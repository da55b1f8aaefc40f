# label: leakage/target
# twin: tgt_lag_cells_redefined__fixed.py
# source: hand-written for ai-ci, tuning part of round 5 (wild false positives) (Apache-2.0)
import pandas as pd
from sklearn.linear_model import LinearRegression

average_sales = pd.read_csv("sales.csv", index_col="date", parse_dates=["date"])["sales"]

# %% A "lag" feature that forgot its shift: today's sales predict today's.
df = average_sales.to_frame()
df["lag_1"] = df["sales"]
X = df.loc[:, ["lag_1"]]
X.dropna(inplace=True)
y = df.loc[:, "sales"]
y, X = y.align(X, join="inner")
model = LinearRegression()
model.fit(X, y)

# %% Two lags, the column defined again in a later cell.
df = average_sales.to_frame()
df["lag_1"] = df["sales"].shift(1)
df["lag_2"] = df["sales"].shift(2)
X = df.loc[:, ["lag_1", "lag_2"]].dropna()
y = df.loc[:, "sales"]
y, X = y.align(X, join="inner")
model = LinearRegression()
model.fit(X, y)
print(model.coef_)
