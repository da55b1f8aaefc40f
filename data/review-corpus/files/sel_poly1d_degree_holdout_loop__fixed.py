# label: leakage/none
# twin: sel_poly1d_degree_holdout_loop__leaky.py
# source: hand-written for ai-ci, tuning part of round 5 (Apache-2.0)
import numpy as np
import pandas as pd

runs = pd.read_csv("battery_cycles.csv")
x, y = runs["cycle"].to_numpy(), runs["capacity"].to_numpy()
train_x, test_x, train_y, test_y = x[:400], x[400:], y[:400], y[400:]
fit_x, val_x, fit_y, val_y = train_x[:320], train_x[320:], train_y[:320], train_y[320:]

best_deg, best_mae = None, np.inf
for deg in range(1, 7):
    poly = np.poly1d(np.polyfit(fit_x, fit_y, deg))
    mae = np.abs(poly(val_x) - val_y).mean()
    if mae < best_mae:
        best_deg, best_mae = deg, mae
final = np.poly1d(np.polyfit(train_x, train_y, best_deg))
print(f"capacity fade: degree {best_deg}, test MAE {np.abs(final(test_x) - test_y).mean():.4f}")
