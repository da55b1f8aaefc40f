# label: leakage/none
import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer, TransformedTargetRegressor
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.metrics import mean_absolute_error, mean_absolute_percentage_error
from sklearn.model_selection import KFold, cross_val_score, train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import FunctionTransformer, OneHotEncoder, PowerTransformer

ORDERS_CSV = "data/neon_workshop_orders.csv"
TARGET = "bench_hours"
CATEGORICAL = ["mounting", "glass_type", "gas", "font_family"]
NUMERIC = ["tube_length_m", "n_bends", "n_colours", "tube_diameter_mm", "letter_count",
           "electrode_pairs", "transformer_kv", "artwork_width_cm", "artwork_height_cm"]


def load_orders(path):
    orders = pd.read_csv(path, parse_dates=["ordered_on"])
    orders = orders[orders["status"] == "delivered"].copy()
    orders["has_animation"] = orders["animation_channels"].fillna(0).gt(0).astype(int)
    orders["rush"] = orders["rush"].map({"yes": 1, "no": 0}).fillna(0)
    orders["bends_per_m"] = orders["n_bends"] / orders["tube_length_m"].clip(lower=0.2)
    return orders


def make_regressor():
    pre = ColumnTransformer([
        ("cat", OneHotEncoder(handle_unknown="ignore", min_frequency=10), CATEGORICAL),
        ("num", "passthrough", NUMERIC + ["has_animation", "rush", "bends_per_m"]),
    ], sparse_threshold=0.0)
    hgb = HistGradientBoostingRegressor(max_iter=400, learning_rate=0.05, max_leaf_nodes=24,
                                        l2_regularization=0.5, random_state=0)
    return Pipeline([("pre", pre), ("hgb", hgb)])


TARGET_TRANSFORMS = {
    "identity": None,
    "log1p": FunctionTransformer(np.log1p, inverse_func=np.expm1),
    "sqrt": FunctionTransformer(np.sqrt, inverse_func=np.square),
    "box-cox": PowerTransformer(method="box-cox"),
}


def with_transform(name):
    tr = TARGET_TRANSFORMS[name]
    if tr is None:
        return make_regressor()
    return TransformedTargetRegressor(regressor=make_regressor(), transformer=tr)


orders = load_orders(ORDERS_CSV)
X = orders.drop(columns=[TARGET])
y = orders[TARGET]
print(f"{len(orders)} delivered orders, median bench time {y.median():.1f} h, max {y.max():.1f} h")

X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=21)

scores = {}
for name in TARGET_TRANSFORMS:
    cv = KFold(n_splits=5, shuffle=True, random_state=21)
    scores[name] = -cross_val_score(with_transform(name), X_train, y_train, cv=cv,
                                    scoring="neg_mean_absolute_percentage_error").mean()
    print(f"  {name:<9s} MAPE {scores[name]:.3%}")

chosen = min(scores, key=scores.get)
model = with_transform(chosen).fit(X_train, y_train)
pred = model.predict(X_test)
print(f"target transform: {chosen}")
print(f"hold-out MAPE {mean_absolute_percentage_error(y_test, pred):.3%}, "
      f"MAE {mean_absolute_error(y_test, pred):.2f} h")

by_mount = pd.DataFrame({"mounting": X_test["mounting"], "abs_err": np.abs(y_test - pred)})
print(by_mount.groupby("mounting")["abs_err"].agg(["count", "mean"]).round(2))
