# label: leakage/selection
# twin: sel_numpy_polyfit_degree__fixed.py
# source: hand-written for ai-ci held-out v4 (Apache-2.0)
import numpy as np

rng = np.random.default_rng(3)
data = np.loadtxt("calibration_runs.csv", delimiter=",", skiprows=1)
temperature, drift = data[:, 0], data[:, 1]

order = rng.permutation(len(temperature))
cut = int(0.75 * len(order))
fit_idx, test_idx = order[:cut], order[cut:]


def rmse(coeffs, idx):
    return float(np.sqrt(np.mean((np.polyval(coeffs, temperature[idx]) - drift[idx]) ** 2)))


errors = []
for degree in range(1, 10):
    coeffs = np.polyfit(temperature[fit_idx], drift[fit_idx], degree)
    errors.append((rmse(coeffs, test_idx), degree, coeffs))

best_err, best_degree, best_coeffs = min(errors, key=lambda t: t[0])
print(f"sensor drift model: degree {best_degree}, expected calibration error {best_err:.4f}")
