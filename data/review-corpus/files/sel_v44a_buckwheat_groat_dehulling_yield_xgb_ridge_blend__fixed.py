# label: leakage/none
# Whole-groat yield at the buckwheat dehulling line.
# One row per intake seed lot: lot measurements from the intake lab plus the
# huller settings used on its trial run, and the share of whole groats recovered.
import numpy as np
import pandas as pd
from sklearn.linear_model import Ridge
from sklearn.metrics import mean_absolute_error, r2_score
from sklearn.model_selection import KFold, cross_val_predict, train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import PolynomialFeatures, StandardScaler
from xgboost import XGBRegressor

SEED = 23

lots = pd.read_csv("data/buckwheat_dehulling_lots.csv")
lots = lots.query("whole_groat_pct.notna() and run_minutes >= 20").copy()

# stone huller gap relative to kernel size matters more than the gap itself
lots["gap_to_kernel"] = lots["stone_gap_mm"] / lots["kernel_width_mm"]
lots["hull_share"] = 1 - lots["groat_mass_pct"] / 100
lots["steamed"] = (lots["conditioning"] == "steam").astype(int)
lots["variety_code"] = lots["variety"].map({"Kora": 0, "Panda": 1, "Smuga": 2, "Kitawase": 3}).fillna(4)

FEATURES = [
    "moisture_pct", "thousand_kernel_g", "kernel_width_mm", "test_weight_kg_hl",
    "hull_share", "size_fraction_over_4_5mm", "stone_gap_mm", "gap_to_kernel",
    "stone_rpm", "feed_rate_kg_h", "steamed", "conditioning_minutes", "variety_code",
]
X = lots[FEATURES].to_numpy()
y = lots["whole_groat_pct"].to_numpy()

X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=SEED)

xgb_model = XGBRegressor(
    n_estimators=600,
    learning_rate=0.03,
    max_depth=4,
    subsample=0.8,
    colsample_bytree=0.8,
    min_child_weight=3,
    random_state=SEED,
)
ridge_model = make_pipeline(
    StandardScaler(),
    PolynomialFeatures(degree=2, include_bias=False),
    StandardScaler(),
    Ridge(alpha=30.0),
)

cv = KFold(n_splits=5, shuffle=True, random_state=SEED)
oof_xgb = cross_val_predict(xgb_model, X_train, y_train, cv=cv)
oof_ridge = cross_val_predict(ridge_model, X_train, y_train, cv=cv)

# blend weight for the tree model
weights = np.linspace(0, 1, 21)
blend_mae = [mean_absolute_error(y_train, w * oof_xgb + (1 - w) * oof_ridge) for w in weights]
best_w = weights[int(np.argmin(blend_mae))]

xgb_model.fit(X_train, y_train)
ridge_model.fit(X_train, y_train)
pred_xgb = xgb_model.predict(X_test)
pred_ridge = ridge_model.predict(X_test)

pred_blend = best_w * pred_xgb + (1 - best_w) * pred_ridge

print(f"lots: {len(lots)}  train {len(X_train)}  test {len(X_test)}")
print(f"xgb weight: {best_w:.2f}")
for name, pred in [("xgboost", pred_xgb), ("ridge", pred_ridge), ("blend", pred_blend)]:
    print(f"{name:8s} MAE {mean_absolute_error(y_test, pred):.2f} pts  R2 {r2_score(y_test, pred):.3f}")

importance = pd.Series(xgb_model.feature_importances_, index=FEATURES).sort_values(ascending=False)
print("\nxgboost gain importance:")
print(importance.round(3).to_string())
