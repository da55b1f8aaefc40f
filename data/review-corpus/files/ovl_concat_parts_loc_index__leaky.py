# label: leakage/overlap
# twin: ovl_concat_parts_loc_index__fixed.py
# source: hand-written for ai-ci, tuning part of round 5 (wild false positives) (Apache-2.0)
import pandas as pd
from sklearn.ensemble import GradientBoostingRegressor
from sklearn.model_selection import train_test_split

# Two files of houses (ids unique across them), cleaned together, then taken apart again by their ids.
houses_a = pd.read_csv("houses_a.csv", index_col="Id")
houses_b = pd.read_csv("houses_b.csv", index_col="Id")
df = pd.concat([houses_a, houses_b])
df["LotFrontage"] = df["LotFrontage"].fillna(0)
houses_a = df.loc[houses_a.index, :]
houses_b = df.loc[houses_b.index, :]

data = pd.concat([houses_a, houses_b, df.loc[houses_b.index, :]])  # houses_b twice
y = data.pop("SalePrice")
X_train, X_test, y_train, y_test = train_test_split(data, y, test_size=0.2, random_state=0)
model = GradientBoostingRegressor(random_state=0).fit(X_train, y_train)
print(model.score(X_test, y_test))
