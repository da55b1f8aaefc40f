# label: leakage/selection
# twin: sel_poly1d_degree_holdout_loop__fixed.py
# source: hand-written for ai-ci, tuning part of round 5 (Apache-2.0)
import numpy as np
import pandas as pd

runs = pd.read_csv("battery_cycles.csv")
x, y = runs["cycle"].to_numpy(), runs["capacity"].to_numpy()
train_x, test_x, train_y, test_y = x[:400], x[400:], y[:400], y[400:]

best_deg, best_mae, best_poly = None, np.inf, None
for deg in range(1, 7):
    poly = np.poly1d(np.polyfit(train_x, train_y, deg))
    mae = np.abs(poly(test_x) - test_y).mean()
    if mae < best_mae:
        best_deg, best_mae, best_poly = deg, mae, poly
print(f"capacity fade: degree {best_deg}, test MAE {best_mae:.4f}")
