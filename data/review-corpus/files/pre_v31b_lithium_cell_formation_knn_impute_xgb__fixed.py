# label: leakage/none
import numpy as np
import pandas as pd
from sklearn.impute import KNNImputer
from sklearn.model_selection import StratifiedGroupKFold, cross_validate
from sklearn.pipeline import Pipeline
from xgboost import XGBClassifier

# End-of-line data for NMC811 pouch cells from line B. Cells that were pulled for the
# 500-cycle life test are marked by whether capacity retention fell below 80 %.
# Formation and ageing measurements are used to flag cells likely to fade early.

FORMATION_COLS = [
    "fill_mass_g", "wetting_time_h", "first_charge_mah", "first_discharge_mah",
    "first_cycle_ce", "ocv_after_formation_v", "ocv_after_ageing_v", "k_value_mv_per_day",
    "dcir_10s_mohm", "acir_1khz_mohm", "thickness_mm", "degas_mass_loss_g",
    "tab_weld_resistance_uohm", "formation_temp_c", "cathode_loading_mg_cm2",
]


def load_cells(path="eol/line_b_cells.parquet"):
    cells = pd.read_parquet(path)
    cells = cells[cells["life_test_done"]].copy()
    cells["early_fade"] = (cells["retention_500"] < 0.80).astype(int)
    # instrument sentinel values from the EOL tester
    cells[FORMATION_COLS] = cells[FORMATION_COLS].replace([-999.0, 9999.0], np.nan)
    cells["irreversible_loss_mah"] = cells["first_charge_mah"] - cells["first_discharge_mah"]
    return cells


cells = load_cells()
feature_cols = FORMATION_COLS + ["irreversible_loss_mah"]
X = cells[feature_cols].to_numpy()
y = cells["early_fade"].to_numpy()
lots = cells["electrode_lot"].to_numpy()
print(f"{len(cells)} cells from {len(np.unique(lots))} electrode lots, "
      f"early fade {y.mean():.1%}, missing share {np.isnan(X).mean():.1%}")

model = Pipeline([
    ("impute", KNNImputer(n_neighbors=7, weights="distance")),
    ("xgb", XGBClassifier(
        n_estimators=400, max_depth=4, learning_rate=0.05, subsample=0.8,
        colsample_bytree=0.8, min_child_weight=3, eval_metric="logloss",
        scale_pos_weight=6.0, n_jobs=8, random_state=5,
    )),
])

cv = StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=5)
res = cross_validate(
    model, X, y, groups=lots, cv=cv,
    scoring={"roc_auc": "roc_auc", "pr_auc": "average_precision"},
)
for key in ["test_roc_auc", "test_pr_auc"]:
    print(f"{key[5:]:>8s}: {res[key].mean():.3f} +/- {res[key].std():.3f}")
print("per fold ROC AUC:", np.round(res["test_roc_auc"], 3))
