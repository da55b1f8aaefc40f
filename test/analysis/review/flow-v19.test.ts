/**
 * The twenty-third round of data-flow capabilities (issue 16; held-out v23's failures, tuning data since its report;
 * v24 frozen first): each behaviour with a leaky program (the line that must be reported marked `# <- rule`) and
 * programs that must report nothing. Written for these tests, not copied from the corpus.
 */
import { describe, it } from 'vitest';
import { check } from './check-leakage.js';

describe('a statistic along each row (axis=1) is no statistic of the rows', () => {
  const prog = (baseline: string, mark = '') => `
import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
spectra = np.load("spectra.npy")
y = pd.read_csv("meta.csv")["origin"].to_numpy()
spectra = spectra - ${baseline}${mark}
X_tr, X_te, y_tr, y_te = train_test_split(spectra, y, test_size=0.25, random_state=0)
print(LogisticRegression().fit(X_tr, y_tr).score(X_te, y_te))
`;
  it('np.percentile(spectra, 5, axis=1): a baseline per spectrum (nothing)', async () => {
    await check(prog('np.percentile(spectra, 5, axis=1, keepdims=True)'));
  });
  it('np.percentile(spectra, 5, 1), the axis by position (nothing)', async () => {
    await check(prog('np.percentile(spectra, 5, 1, keepdims=True)'));
  });
  it('np.percentile(spectra, 5, axis=0): per channel over every spectrum, reported', async () => {
    await check(prog('np.percentile(spectra, 5, axis=0)', '  # <- leak-preprocessing'));
  });
});

describe('an overrun measured against the plan', () => {
  const prog = (feats: string, mark = '') => `
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.model_selection import train_test_split
df = pd.read_csv("runs.csv")
df["overrun"] = (df["actual_min"] > 1.1 * df["scheduled_min"]).astype(int)
df["fuel_per_km"] = df["fuel_used_l"] / df["route_km"]
FEATS = ${feats}
tr, te = train_test_split(df, test_size=0.2, random_state=0)
m = RandomForestClassifier().fit(tr[FEATS], tr["overrun"])${mark}
print(m.score(te[FEATS], te["overrun"]))
`;
  it('the scheduled minutes, known before the run (nothing)', async () => {
    await check(prog('["route_km", "snow_cm", "scheduled_min"]'));
  });
  it('the actual minutes, reported', async () => {
    await check(prog('["route_km", "actual_min"]', '  # <- leak-target'));
  });
  it('the fuel the run used, reported', async () => {
    await check(prog('["route_km", "fuel_per_km"]', '  # <- leak-target'));
  });
});

describe("a fitted model's per-row attribute as a feature", () => {
  const prog = (fit: string, mark = '') => `
import pandas as pd
from sklearn.ensemble import GradientBoostingClassifier
from sklearn.model_selection import train_test_split
from sklearn.neighbors import LocalOutlierFactor
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import RobustScaler
BENCH = ["torque_nm", "noise_db", "current_a"]
df = pd.read_csv("motors.csv")
${fit}
FEATS = BENCH + ["bench_lof"]
m = GradientBoostingClassifier().fit(train[FEATS], train["warranty_claim"])
print(m.score(test[FEATS], test["warranty_claim"]))
`;
  it('the outlier factor of every motor before the split, reported', async () => {
    await check(
      prog(`lof = make_pipeline(RobustScaler(), LocalOutlierFactor(n_neighbors=40))
lof.fit(df[BENCH])  # <- leak-preprocessing
df["bench_lof"] = -lof[-1].negative_outlier_factor_
train, test = train_test_split(df, test_size=0.2, random_state=0)`),
    );
  });
  it('fit on the training motors, the test ones scored by it (nothing)', async () => {
    await check(
      prog(`train, test = train_test_split(df, test_size=0.2, random_state=0)
train, test = train.copy(), test.copy()
lof = make_pipeline(RobustScaler(), LocalOutlierFactor(n_neighbors=40, novelty=True))
lof.fit(train[BENCH])
train["bench_lof"] = -lof[-1].negative_outlier_factor_
test["bench_lof"] = -lof.score_samples(test[BENCH])`),
    );
  });
});
