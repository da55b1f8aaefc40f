/**
 * The twenty-sixth round of data-flow capabilities (issue 16; held-out v26's failures, tuning data since its report;
 * v27 frozen before this round, v28 written during it): each behaviour with a leaky program (the line that must be
 * reported marked `# <- rule`) and programs that must report nothing. Written for these tests, not copied from the
 * corpus.
 */
import { describe, it } from 'vitest';
import { check } from './check-leakage.js';

describe('an interval multiplier sized on errors computed once, compared with each setting of a loop', () => {
  const prog = (sized: string, mark = '') => `
import numpy as np
import pandas as pd
from sklearn.ensemble import RandomForestRegressor
rides = pd.read_csv("ferry_crossings.csv", parse_dates=["sailed"]).sort_values("sailed")
FEATURES = ["wind", "swell", "load_t"]
train, calib, test = rides.iloc[:800], rides.iloc[800:900], rides.iloc[900:]
model = RandomForestRegressor(random_state=0).fit(train[FEATURES], train["minutes"])
scale = np.std(train["minutes"] - model.predict(train[FEATURES]))
pred = model.predict(test[FEATURES])
test_err = np.abs(test["minutes"].to_numpy() - pred)${mark}
${sized}
print("coverage", np.mean(test_err <= k_star * scale))
`;
  const calib = (errs: string) =>
    errs === 'calib_err'
      ? 'calib_err = np.abs(calib["minutes"].to_numpy() - model.predict(calib[FEATURES]))\n'
      : '';
  const loop = (errs: string) => `${calib(errs)}k_star = None
for k in np.arange(0.5, 4.0, 0.1):
    if np.mean(${errs} <= k * scale) >= 0.9:
        k_star = k
        break`;
  const dict = (errs: string) => `${calib(errs)}grid = np.arange(0.5, 4.0, 0.1)
cover = {k: float(np.mean(${errs} <= k * scale)) for k in grid}
k_star = min(grid, key=lambda k: abs(cover[k] - 0.9))`;
  it('a loop that stops at the first multiplier covering the test errors, reported', async () => {
    await check(prog(loop('test_err'), '  # <- leak-selection'));
  });
  it('a dict of coverages over a grid on the test errors, the closest picked, reported', async () => {
    await check(prog(dict('test_err'), '  # <- leak-selection'));
  });
  it('the same loop and dict on a calibration part carved before the test (nothing)', async () => {
    await check(prog(loop('calib_err')));
    await check(prog(dict('calib_err')));
  });
  it('coverage of the test errors per route in a loop, reported but picking nothing (nothing)', async () => {
    await check(
      prog(`k_star = 2.0
for route in test["route"].unique():
    print(route, np.mean(test_err[(test["route"] == route).to_numpy()] <= k_star * scale))`),
    );
  });
});
